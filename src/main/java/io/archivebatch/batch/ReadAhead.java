package io.archivebatch.batch;

import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.pipeline.TimeLimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads costly inputs (HTML pages, WARC files) ahead on worker threads for the profile step, which takes the results
 * in the inputs' order: the same documents, counted in the same order, as a read on the step's own thread. Each read
 * has its own {@link TimeLimit} and keeps its documents in the {@link ReadCache} for the process step.
 */
final class ReadAhead implements AutoCloseable {

    private final InputReaders readers;
    private final ReadCache cache;
    private final long limitMillis;
    private final ExecutorService pool;

    ReadAhead(InputReaders readers, ReadCache cache, long limitMillis, int threads) {
        this.readers = readers;
        this.cache = cache;
        this.limitMillis = limitMillis;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "archive-batch-read-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts reading the input; {@link #take} gives its documents. */
    Future<List<IngestItem>> submit(InputFile file) {
        return pool.submit(() -> {
            try (TimeLimit limit = new TimeLimit(limitMillis)) {
                List<IngestItem> items = LimitedReading.read(readers, file, limit);
                cache.put(file, items);
                return items;
            }
        });
    }

    /** The documents of a submitted read, waiting for it. */
    static List<IngestItem> take(Future<List<IngestItem>> read) throws IOException {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading ahead", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
