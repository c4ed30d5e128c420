package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputScanner;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts a run, or resumes it: a run is identified by its parameters (command, inputs, output, rules and the
 * fingerprint of the input files), so re-issuing the command of a failed or interrupted run continues that run after
 * its last committed chunk, and re-issuing the command of a completed run does nothing.
 */
@Component
public class JobRunner {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final StateSchema schema;

    public JobRunner(JobOperator operator, JobRepository repository, Job archiveJob, StateSchema schema) {
        this.operator = operator;
        this.repository = repository;
        this.job = archiveJob;
        this.schema = schema;
    }

    public RunResult run(RunRequest request) throws Exception {
        schema.ensure();
        Path workdir = Path.of("").toAbsolutePath().normalize();
        List<InputFile> files = InputScanner.textDumps().scan(workdir, request.inputs());
        JobParameters identifying = new JobParametersBuilder()
                .addString(JobParams.COMMAND, request.command())
                .addString(JobParams.INPUTS, InputLists.join(request.inputs().stream().map(Path::normalize).toList()))
                .addString(JobParams.WORKDIR, workdir.toString())
                .addString(JobParams.OUTPUT, request.output().toAbsolutePath().normalize().toString())
                .addString(JobParams.RULES, request.rules() == null ? "" : request.rules().toAbsolutePath().normalize().toString())
                .addString(JobParams.FINGERPRINT, InputLists.fingerprint(files))
                .toJobParameters();
        JobInstance instance = repository.getJobInstance(ArchiveJobConfig.JOB, identifying);
        JobExecution execution;
        boolean resumed = false;
        if (instance != null) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return result(last, "ALREADY_COMPLETED", false);
            }
            if (last != null && last.getStatus().isRunning()) {
                return result(last, "LOCKED", false);
            }
            execution = operator.restart(last);
            resumed = true;
        } else {
            String runName = request.command() + "-" + LocalDateTime.now(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            JobParameters params = new JobParametersBuilder(identifying)
                    .addString(JobParams.RUN_NAME, runName, false)
                    .toJobParameters();
            execution = operator.start(job, params);
        }
        return result(execution, execution.getStatus().name(), resumed);
    }

    private RunResult result(JobExecution execution, String status, boolean resumed) {
        JobParameters p = execution.getJobParameters();
        String runName = p.getString(JobParams.RUN_NAME);
        RunFolders folders = new RunFolders(Path.of(p.getString(JobParams.OUTPUT)), runName);
        StepExecution process = repository.getLastStepExecution(execution.getJobInstance(), ArchiveJobConfig.PROCESS_STEP);
        ExecutionContext ctx = process == null ? new ExecutionContext() : process.getExecutionContext();
        Map<String, Long> reasons = new TreeMap<>();
        for (Map.Entry<String, Object> e : ctx.entrySet()) {
            if (e.getKey().startsWith("reject.")) {
                reasons.put(e.getKey().substring(7), ((Number) e.getValue()).longValue());
            }
        }
        long rejects = reasons.values().stream().mapToLong(Long::longValue).sum();
        double seconds = execution.getStartTime() != null && execution.getEndTime() != null
                ? Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0 : 0;
        String error = null;
        if (!execution.getAllFailureExceptions().isEmpty()) {
            Throwable t = execution.getAllFailureExceptions().get(0);
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            error = root == t ? String.valueOf(t.getMessage())
                    : t.getMessage() + ": " + (root.getMessage() == null ? root.toString() : root.getMessage());
        }
        return new RunResult(status, runName, status.equals("COMPLETED") || status.equals("ALREADY_COMPLETED")
                ? folders.published() : folders.staging(), resumed,
                ctx.getLong(InputListItemReader.KEY, 0L), ctx.getLong("count.articles", 0L),
                ctx.getLong("count.duplicates", 0L), rejects, reasons, seconds, error);
    }
}
