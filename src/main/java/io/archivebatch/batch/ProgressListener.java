package io.archivebatch.batch;

import io.archivebatch.core.model.Outcome;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints a progress line (documents done of total, rate) to stderr at most every few seconds, summed over the
 * partitions running in parallel.
 */
public class ProgressListener implements ItemWriteListener<java.util.List<Outcome>>, StepExecutionListener {

    private final PrintStream out;
    private final long intervalMillis = 5000;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong doneAtStart = new AtomicLong(-1);
    private volatile long total;
    private volatile long started;
    private final AtomicLong lastPrint = new AtomicLong();

    public ProgressListener(boolean enabled) {
        this.out = enabled ? System.err : null;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        total = stepExecution.getJobExecution().getExecutionContext().getLong("inputs.count", 0L);
        done.addAndGet(stepExecution.getExecutionContext().getLong(InputListItemReader.KEY, 0L));
        if (started == 0) {
            synchronized (this) {
                if (started == 0) {
                    started = System.nanoTime();
                    lastPrint.set(System.currentTimeMillis());
                }
            }
        }
    }

    @Override
    public void afterWrite(Chunk<? extends java.util.List<Outcome>> items) {
        long now = done.addAndGet(items.size());
        doneAtStart.compareAndSet(-1, now - items.size());
        long t = System.currentTimeMillis();
        long last = lastPrint.get();
        if (out != null && t - last >= intervalMillis && lastPrint.compareAndSet(last, t)) {
            double secs = (System.nanoTime() - started) / 1e9;
            double rate = secs > 0 ? (now - doneAtStart.get()) / secs : 0;
            out.printf(Locale.ROOT, "progress: %,d of %,d documents (%.0f docs/s)%n", now, total, rate);
        }
    }
}
