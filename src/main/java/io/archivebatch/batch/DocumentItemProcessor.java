package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.model.Rejection;
import io.archivebatch.core.pipeline.TimeLimit;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one input (a dump, or every record of an export) and runs the core pipeline on each document. Every input
 * yields outcomes: articles, or rejections with their reasons (unreadable, binary, empty, too large, invalid JSON or
 * CSV, or an unexpected error of the pipeline on that document). Each document has a time limit
 * ({@code --max-seconds-per-document}); a document over it becomes a {@code timeout} reject.
 */
public class DocumentItemProcessor implements ItemProcessor<InputFile, List<Outcome>> {

    private final InputReaders readers;
    private final java.util.function.Function<RawDocument, Outcome> processor;
    private final long failAfter;
    private final AtomicLong processed;
    private final long limitMillis;
    private final ThreadLocal<TimeLimit> limits;
    private ReadCache cache;

    /**
     * @param failAfter fault injection for restart tests: throw after this many documents in this run, counted
     *                  over all partitions (property {@code archive-batch.test.fail-after}); 0 disables it
     * @param processed the run's shared count of documents processed
     */
    public DocumentItemProcessor(InputReaders readers, java.util.function.Function<RawDocument, Outcome> processor, long failAfter, AtomicLong processed,
                                 long limitMillis) {
        this.readers = readers;
        this.processor = processor;
        this.failAfter = failAfter;
        this.processed = processed;
        this.limitMillis = limitMillis;
        this.limits = ThreadLocal.withInitial(() -> new TimeLimit(limitMillis));
    }

    /** Takes the documents the profile step already read from these inputs, where it kept them. */
    DocumentItemProcessor withReadCache(ReadCache cache) {
        this.cache = cache;
        return this;
    }

    @Override
    public List<Outcome> process(InputFile file) {
        if (failAfter > 0 && processed.incrementAndGet() > failAfter) {
            throw new IllegalStateException("injected failure after " + failAfter + " documents (archive-batch.test.fail-after)");
        }
        List<Outcome> out = new ArrayList<>();
        TimeLimit limit = limits.get();
        List<IngestItem> items = cache == null || !ReadCache.worthKeeping(file) ? null : cache.get(file);
        if (items == null) {
            items = LimitedReading.read(readers, file, limit);
        }
        for (IngestItem item : items) {
            if (item.rejection() != null) {
                out.add(Outcome.of(item.rejection()));
                continue;
            }
            try {
                out.add(limit.call(() -> processor.apply(item.document())));
            } catch (TimeLimit.Exceeded e) {
                out.add(Outcome.of(new Rejection(item.document().source(), "timeout", "cleaning " + e.getMessage())));
            } catch (Exception | StackOverflowError e) {
                out.add(Outcome.of(new Rejection(item.document().source(), "processing_error", e.toString())));
            }
        }
        return out;
    }
}
