package io.archivebatch.core.pipeline;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs work on a worker thread and gives up on it after a time limit, so one pathological document (a regex that
 * backtracks, a parser that crawls) cannot hang a run. The abandoned worker is interrupted and replaced; the
 * pipeline's long loops check the interrupt flag and end it. One instance per calling thread (not thread-safe).
 */
public final class TimeLimit implements AutoCloseable {

    /** The work took longer than the limit. */
    public static final class Exceeded extends Exception {
        public Exceeded(long millis) {
            super("took longer than the limit of " + millis + " ms");
        }
    }

    private final long millis;
    private ExecutorService worker;

    public TimeLimit(long millis) {
        this.millis = millis;
    }

    public long millis() {
        return millis;
    }

    public <T> T call(Callable<T> work) throws Exceeded, Exception {
        return call(work, millis);
    }

    /** {@link #call(Callable)} with another limit for this piece of work. */
    public <T> T call(Callable<T> work, long limitMillis) throws Exceeded, Exception {
        if (worker == null) {
            java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(1, 1, 5,
                    TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "archive-batch-document");
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true); // an idle worker ends by itself
            worker = pool;
        }
        Future<T> f = worker.submit(work);
        try {
            return f.get(limitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = null; // a fresh thread for the next document; the stuck one ends at its next interrupt check
            throw new Exceeded(limitMillis);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Ends the work of an abandoned worker: called in the pipeline's long loops. */
    public static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("stopped: over the per-document time limit");
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }
}
