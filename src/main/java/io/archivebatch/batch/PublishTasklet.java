package io.archivebatch.batch;

import io.archivebatch.core.output.Manifest;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Last step: writes {@code manifest.json} (parameters, counts, sizes, SHA-256 of each file, schema version, timings)
 * into the staging folder, then publishes the folder with one atomic rename, so a reader never sees a half-written
 * dataset. Re-running it after a crash between the rename and the commit finds the folder published and succeeds.
 */
public class PublishTasklet implements Tasklet {

    private final JobRepository repository;

    public PublishTasklet(JobRepository repository) {
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        StepExecution self = chunkContext.getStepContext().getStepExecution();
        JobExecution job = self.getJobExecution();
        Map<String, Object> params = chunkContext.getStepContext().getJobParameters();
        RunFolders folders = new RunFolders(Path.of((String) params.get(JobParams.OUTPUT)), (String) params.get(JobParams.RUN_NAME));
        if (!Files.exists(folders.staging()) && Files.exists(folders.published().resolve("manifest.json"))) {
            return RepeatStatus.FINISHED;
        }
        StepExecution process = repository.getLastStepExecution(job.getJobInstance(), ArchiveJobConfig.PROCESS_STEP);
        ExecutionContext ctx = process == null ? new ExecutionContext() : process.getExecutionContext();
        Map<String, Long> rejects = new TreeMap<>();
        for (Map.Entry<String, Object> e : ctx.entrySet()) {
            if (e.getKey().startsWith("reject.")) {
                rejects.put(e.getKey().substring(7), ((Number) e.getValue()).longValue());
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("command", params.get(JobParams.COMMAND));
        parameters.put("inputs", InputLists.paths((String) params.get(JobParams.INPUTS)).stream().map(Path::toString).toList());
        parameters.put("workdir", params.get(JobParams.WORKDIR));
        parameters.put("output", params.get(JobParams.OUTPUT));
        parameters.put("rules", params.get(JobParams.RULES));
        parameters.put("input_fingerprint", params.get(JobParams.FINGERPRINT));
        Instant started = firstStart(job);
        Manifest manifest = new Manifest(
                folders.runName(),
                parameters,
                job.getJobInstance().getInstanceId(),
                ctx.getLong(InputListItemReader.KEY, 0L),
                ctx.getLong("count.articles", 0L),
                ctx.getLong("count.duplicates", 0L),
                rejects,
                started,
                Instant.now(),
                List.of(DatasetItemWriter.ARTICLES, DatasetItemWriter.CSV, DatasetItemWriter.REJECTS));
        manifest.writeTo(folders.staging());
        Files.createDirectories(folders.published().getParent());
        if (Files.exists(folders.published())) {
            throw new IOException("cannot publish: " + folders.published() + " already exists");
        }
        try {
            Files.move(folders.staging(), folders.published(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the output folder's file system cannot rename " + folders.staging() + " atomically", e);
        }
        try {
            Files.deleteIfExists(folders.staging().getParent());
        } catch (IOException notEmpty) {
            // other runs are still staging
        }
        return RepeatStatus.FINISHED;
    }

    private Instant firstStart(JobExecution current) {
        LocalDateTime first = current.getStartTime();
        for (JobExecution e : repository.getJobExecutions(current.getJobInstance())) {
            if (e.getStartTime() != null && (first == null || e.getStartTime().isBefore(first))) {
                first = e.getStartTime();
            }
        }
        return first == null ? Instant.now() : first.atZone(ZoneId.systemDefault()).toInstant();
    }

}
