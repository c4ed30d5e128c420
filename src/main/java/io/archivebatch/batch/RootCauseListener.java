package io.archivebatch.batch;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Stores the root cause of a failed run as its exit description ("Unable to process chunk" says nothing; the cause
 * does), so {@code status} can show it after the process is gone.
 */
public class RootCauseListener implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        Throwable t = null;
        // a partition's own failure says more than the partition handler's "unsuccessful step"
        for (var step : execution.getStepExecutions()) {
            if (!step.getFailureExceptions().isEmpty() && step.getStepName().contains(":")) {
                t = step.getFailureExceptions().get(0);
                break;
            }
        }
        if (t == null) {
            if (execution.getAllFailureExceptions().isEmpty()) {
                return;
            }
            t = execution.getAllFailureExceptions().get(0);
        }
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + t.getMessage();
        execution.setExitStatus(new ExitStatus(execution.getExitStatus().getExitCode(), message));
    }
}
