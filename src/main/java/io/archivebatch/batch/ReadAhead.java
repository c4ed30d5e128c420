package io.archivebatch.batch;

import io.archivebatch.core.clean.SiteLineCounter;
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
 * {@link TimeLimit} and reads a batch of inputs in one hand-off to it ({@link LimitedReading#readAll}); a read normalizes and hashes the lines of a one-document input (a dump, a page) for the
 * line counts, and keeps
 * the documents of costly inputs (HTML pages, WARC files) in the {@link ReadCache} for the process step.
 */
final class ReadAhead implements AutoCloseable {

    /**
     * An input's documents, and the line hashes each one adds to its site's counts (null for a rejection:
     * {@link SiteLineCounter#distinctLines} of its normalized text); {@code lines} is null for an input of several
     * documents (a WARC file), whose sampled documents the step normalizes and hashes itself.
     */
    record Read(List<IngestItem> items, List<long[]> lines) {
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

    /** Inputs read in one hand-off: a batch closes at this many inputs or at {@link #BATCH_BYTES} of them. */
    static final int BATCH = 8;
    static final long BATCH_BYTES = 1 << 20;

    /** An input submitted for reading: its batch and its place in it. */
    static final class Handle {
        private final Batch batch;
        private final int index;

        private Handle(Batch batch, int index) {
            this.batch = batch;
            this.index = index;
        }
    }

    private static final class Batch {
        final List<InputFile> files = new java.util.ArrayList<>();
        long bytes;
        Future<List<Read>> reads; // null until the batch is closed and handed to the pool
    }

    private Batch forming;

    /**
     * Starts reading the input (with the next ones of its batch: the batch goes to a worker once it is full, or when
     * one of its inputs is taken); {@link #take} gives its documents.
     */
    Handle submit(InputFile file) {
        if (forming == null) {
            forming = new Batch();
        }
        Handle h = new Handle(forming, forming.files.size());
        forming.files.add(file);
        forming.bytes += Math.max(0, file.size());
        if (forming.files.size() >= BATCH || forming.bytes >= BATCH_BYTES) {
            close(forming);
        }
        return h;
    }

    private void close(Batch b) {
        if (b == forming) {
            forming = null;
        }
        List<InputFile> files = List.copyOf(b.files);
        b.reads = pool.submit(() -> read(files));
    }

    /** On a worker: the batch's inputs read in one hand-off, then kept for the process step, normalized and hashed. */
    private List<Read> read(List<InputFile> files) throws Exception {
        List<List<IngestItem>> all = LimitedReading.readAll(readers, files, limit.get());
        List<Read> out = new java.util.ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            InputFile file = files.get(i);
            List<IngestItem> items = all.get(i);
            if (ReadCache.worthKeeping(file)) {
                cache.put(file, items);
            }
            if (items.size() != 1) {
                out.add(new Read(items, null)); // past a site's sample, its documents are not counted: not normalized
                continue;
            }
            IngestItem item = items.get(0);
            TextNormalizer.Chars text = item.document() == null ? null : normalizer.normalizeToChars(item.document().text());
            out.add(new Read(items, java.util.Collections.singletonList(text == null ? null
                    : SiteLineCounter.distinctLines(text.chars(), text.length()))));
        }
        return out;
    }

    /** The documents of a submitted input, waiting for its batch (handed to a worker now if it is still forming). */
    Read take(Handle h) throws IOException {
        if (h.batch.reads == null) {
            close(h.batch);
        }
        try {
            return h.batch.reads.get().get(h.index);
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
