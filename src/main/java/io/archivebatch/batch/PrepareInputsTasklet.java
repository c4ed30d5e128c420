package io.archivebatch.batch;

import io.archivebatch.core.output.RecordSchema;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Step 1: checks the run's input list. The launcher selected the inputs and wrote them, in their fixed order, to
 * {@code inputs.tsv} in the staging folder before the first start; the process step reads that list, so every restart
 * reads exactly the same inputs in the same order, whatever arrived since.
 */
public class PrepareInputsTasklet implements Tasklet {

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Map<String, Object> params = chunkContext.getStepContext().getJobParameters();
        RunFolders folders = new RunFolders(Path.of((String) params.get(JobParams.OUTPUT)), (String) params.get(JobParams.RUN_NAME));
        if (!Files.exists(folders.inputList())) {
            throw new IllegalStateException("the run's input list is missing: " + folders.inputList());
        }
        // streamed: the list holds one line per input, millions in a backfill
        InputLists.Check check = InputLists.check(folders.inputList());
        if (!check.fingerprint().equals(params.get(JobParams.FINGERPRINT))) {
            throw new IllegalStateException("the run's input list " + folders.inputList() + " does not match the run's parameters");
        }
        long count = check.count();
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        job.putLong("inputs.count", count);
        // the record schema the part files are written in; the merge refuses parts of another one
        job.putInt(MergePartsTasklet.SCHEMA_KEY, RecordSchema.VERSION);
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
