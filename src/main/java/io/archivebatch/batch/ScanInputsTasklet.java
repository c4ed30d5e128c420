package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputScanner;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Step 1: lists the inputs once, in their fixed order, into {@code inputs.tsv} in the staging folder. The process
 * step reads that list, so a restart reads exactly the same inputs in the same order. The listing must match the
 * fingerprint the run was started with.
 */
public class ScanInputsTasklet implements Tasklet {

    private final InputScanner scanner;

    public ScanInputsTasklet(InputScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Map<String, Object> params = chunkContext.getStepContext().getJobParameters();
        RunFolders folders = new RunFolders(Path.of((String) params.get(JobParams.OUTPUT)), (String) params.get(JobParams.RUN_NAME));
        List<InputFile> files = scanner.scan(Path.of((String) params.get(JobParams.WORKDIR)),
                InputLists.paths((String) params.get(JobParams.INPUTS)));
        String fingerprint = InputLists.fingerprint(files);
        if (!fingerprint.equals(params.get(JobParams.FINGERPRINT))) {
            throw new IllegalStateException("the inputs changed between the start of the command and the scan; run it again");
        }
        Files.createDirectories(folders.staging());
        Path tmp = folders.inputList().resolveSibling("inputs.tsv.tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            InputLists.write(files, w);
        }
        Files.move(tmp, folders.inputList(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putLong("inputs.count", files.size());
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
