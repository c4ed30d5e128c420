package io.archivebatch.batch;

import io.archivebatch.core.model.Outcome;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a progress line (documents done of total, rate) to stderr at most every few seconds. */
public class ProgressListener implements ItemWriteListener<Outcome>, StepExecutionListener {

    private volatile PrintStream out;
    private long intervalMillis = 5000;
    private long total;
    private long done;
    private long startDone;
    private long started;
    private long lastPrint;

    public ProgressListener(boolean enabled) {
        this.out = enabled ? System.err : null;
    }

    public void setOut(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        total = stepExecution.getJobExecution().getExecutionContext().getLong("inputs.count", 0L);
        if (total == 0) {
            for (StepExecution s : stepExecution.getJobExecution().getStepExecutions()) {
                total = Math.max(total, s.getJobExecution().getExecutionContext().getLong("inputs.count", 0L));
            }
        }
        done = stepExecution.getExecutionContext().getLong(InputListItemReader.KEY, 0L);
        startDone = done;
        started = System.nanoTime();
        lastPrint = System.currentTimeMillis();
    }

    @Override
    public void afterWrite(Chunk<? extends Outcome> items) {
        done += items.size();
        long now = System.currentTimeMillis();
        if (out != null && now - lastPrint >= intervalMillis) {
            lastPrint = now;
            double secs = (System.nanoTime() - started) / 1e9;
            double rate = secs > 0 ? (done - startDone) / secs : 0;
            out.printf(Locale.ROOT, "progress: %,d of %,d documents (%.0f docs/s)%n", done, total, rate);
        }
    }
}
