package io.archivebatch.batch;

import io.archivebatch.core.clean.TextNormalizer;
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
 * Reads inputs ahead on worker threads for the profile step, which takes the results in the inputs' order: the same
 * documents, counted in the same order, as a read on the step's own thread. Each worker has its own
 * {@link TimeLimit}; a read normalizes the text of a one-document input (a dump, a page) for the line counts, and keeps
 * the documents of costly inputs (HTML pages, WARC files) in the {@link ReadCache} for the process step.
 */
final class ReadAhead implements AutoCloseable {

    /**
     * An input's documents, and each one's normalized text (null for a rejection); {@code normalized} is null for an
     * input of several documents (a WARC file), whose sampled documents the step normalizes itself.
     */
    record Read(List<IngestItem> items, List<String> normalized) {
    }

    private final InputReaders readers;
    private final ReadCache cache;
    private final TextNormalizer normalizer = new TextNormalizer(); // stateless: shared by the workers
    private final long limitMillis;
    private final ExecutorService pool;
    /** Each worker's time limit (one per thread, as {@link TimeLimit} wants), all closed with this. */
    private final List<TimeLimit> limits = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final ThreadLocal<TimeLimit> limit;

    ReadAhead(InputReaders readers, ReadCache cache, long limitMillis, int threads) {
        this.readers = readers;
        this.cache = cache;
        this.limitMillis = limitMillis;
        this.limit = ThreadLocal.withInitial(() -> {
            TimeLimit t = new TimeLimit(this.limitMillis);
            limits.add(t);
            return t;
        });
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "archive-batch-read-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts reading the input; {@link #take} gives its documents. */
    Future<Read> submit(InputFile file) {
        return pool.submit(() -> {
            List<IngestItem> items = LimitedReading.read(readers, file, limit.get());
            if (ReadCache.worthKeeping(file)) {
                cache.put(file, items);
            }
            if (items.size() != 1) {
                return new Read(items, null); // past a site's sample, its documents are not counted: not normalized
            }
            IngestItem item = items.get(0);
            return new Read(items, java.util.Collections.singletonList(
                    item.document() == null ? null : normalizer.normalize(item.document().text())));
        });
    }

    /** The documents of a submitted read, waiting for it. */
    static Read take(Future<Read> read) throws IOException {
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
        synchronized (limits) {
            limits.forEach(TimeLimit::close);
        }
    }
}
