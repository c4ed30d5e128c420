package io.archivebatch.batch;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Remembers the job execution running in this process, so a signal handler can stop it. */
public class CurrentExecution implements JobExecutionListener {

    private volatile JobExecution running;

    @Override
    public void beforeJob(JobExecution jobExecution) {
        running = jobExecution;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        running = null;
    }

    public JobExecution get() {
        return running;
    }
}
