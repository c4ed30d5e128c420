package io.archivebatch.core.pipeline;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs work on a worker thread and gives up on it after a time limit, so one pathological document (a regex that
 * backtracks, a parser that crawls) cannot hang a run. The abandoned worker is interrupted and replaced; the
 * pipeline's long loops check the interrupt flag and end it. One instance per calling thread (not thread-safe).
 */
public final class TimeLimit implements AutoCloseable {

    /** The work took longer than the limit (of the stage it was in). */
    public static final class Exceeded extends Exception {
        private final transient Stage stage;

        private Exceeded(Stage stage) {
            super("took longer than the limit of " + stage.limitMillis + " ms");
            this.stage = stage;
        }

        /** The stage that overran: 0 for the first ({@link Stages#next} numbers the others). */
        public int stage() {
            return stage.index;
        }

        /** What the work handed over when that stage began ({@link Stages#next}), null in the first one. */
        public Object handedOver() {
            return stage.handedOver;
        }
    }

    /** Work in stages that each have their own limit, run in one hand-off to the worker. */
    @FunctionalInterface
    public interface StagedWork<T> {
        T run(Stages stages) throws Exception;
    }

    /** One stage: its number, its limit and deadline ({@link System#nanoTime}), what began it. */
    private record Stage(int index, long limitMillis, long deadline, Object handedOver) {
    }

    /**
     * The worker's side of a staged call: it announces each new stage, which starts that stage's own clock. The caller
     * sleeps until the deadline it knows and is woken early only by the end of the work, or by a new stage that must
     * end sooner than that deadline (rare: an input's reading limit is at least a document's).
     */
    public static final class Stages {
        private final Thread caller = Thread.currentThread();
        private volatile Stage current;
        /** the deadline the caller sleeps until */
        private volatile long waitingUntil;
        private volatile boolean finished;
        private Object result; // written before finished, read after it
        private Throwable failure;

        private Stages(long limitMillis) {
            current = new Stage(0, limitMillis, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis), null);
            waitingUntil = current.deadline;
        }

        /**
         * The previous stage is done and the next begins, with this limit from now; {@code handOver} (say, what the
         * previous stage made) goes to the caller with {@link Exceeded#handedOver()} if the new stage overruns.
         */
        public void next(long limitMillis, Object handOver) {
            Stage s = new Stage(current.index + 1, limitMillis,
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis), handOver);
            current = s;
            if (s.deadline - waitingUntil < 0) {
                LockSupport.unpark(caller);
            }
        }

        private void finish(Object result, Throwable failure) {
            this.result = result;
            this.failure = failure;
            finished = true;
            LockSupport.unpark(caller);
        }

        /** Waits until the work ends (null) or the stage it is in runs out of time (that stage). */
        private Stage await() throws InterruptedException {
            while (!finished) {
                Stage s = current;
                long left = s.deadline - System.nanoTime();
                if (left <= 0) {
                    return finished ? null : s;
                }
                waitingUntil = s.deadline;
                if (current != s || finished) {
                    continue; // changed meanwhile: the worker may not have seen the new deadline
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return null;
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
        return call(stages -> work.call(), limitMillis);
    }

    /**
     * Work in stages (reading an input, then cleaning its document), each under its own limit, in one hand-off to the
     * worker instead of one per stage: a hand-off is two thread switches, and a run makes one per document.
     *
     * @param firstLimitMillis the first stage's limit; the work gives the next ones to {@link Stages#next}
     * @throws Exceeded when a stage takes longer than its limit: the worker is interrupted and replaced
     */
    public <T> T call(StagedWork<T> work, long firstLimitMillis) throws Exceeded, Exception {
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
        Stages stages = new Stages(firstLimitMillis);
        Future<?> f = worker.submit(() -> {
            try {
                stages.finish(work.run(stages), null);
            } catch (Throwable t) {
                stages.finish(null, t);
            }
        });
        Stage overrun;
        try {
            overrun = stages.await();
        } catch (InterruptedException e) {
            abandon(f);
            throw e;
        }
        if (overrun != null) {
            abandon(f);
            throw new Exceeded(overrun);
        }
        if (stages.failure instanceof Exception ex) {
            throw ex;
        }
        if (stages.failure instanceof Error err) {
            throw err;
        }
        if (stages.failure != null) {
            throw new ExecutionException(stages.failure);
        }
        @SuppressWarnings("unchecked")
        T result = (T) stages.result;
        return result;
    }

    /** Interrupts the work and leaves its thread: a fresh one takes the next; the stuck one ends at its next check. */
    private void abandon(Future<?> f) {
        f.cancel(true);
        worker.shutdownNow();
        worker = null;
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
