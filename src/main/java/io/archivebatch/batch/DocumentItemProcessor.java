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
            ReadAndFirst done = readAndClean(file, limit);
            items = done.items();
            if (done.first() != null) {
                out.add(done.first());
                items = items.subList(1, items.size());
            }
        }
        for (IngestItem item : items) {
            if (item.rejection() != null) {
                out.add(Outcome.of(item.rejection()));
                continue;
            }
            try {
                out.add(limit.call(() -> clean(item.document())));
            } catch (TimeLimit.Exceeded e) {
                out.add(timedOut(item.document(), e));
            } catch (Exception e) {
                out.add(Outcome.of(new Rejection(item.document().source(), "processing_error", e.toString())));
            }
        }
        return out;
    }

    /** An input's documents, and the outcome of the first one when it was cleaned with the reading (else null). */
    private record ReadAndFirst(List<IngestItem> items, Outcome first) {
    }

    /**
     * Reads the input and, when its first document is readable, cleans that one too, in one hand-off to the worker:
     * two stages with their own limits (the input's reading limit, then the document's). An input is mostly one
     * document (a text dump, a page), so most documents cost one hand-off instead of two.
     */
    @SuppressWarnings("unchecked")
    private ReadAndFirst readAndClean(InputFile file, TimeLimit limit) {
        try {
            return limit.call(stages -> {
                List<IngestItem> items = LimitedReading.readNow(readers, file);
                if (items.isEmpty() || items.get(0).rejection() != null) {
                    return new ReadAndFirst(items, null);
                }
                stages.next(limitMillis, items); // the reading is done: the document's own clock starts
                return new ReadAndFirst(items, clean(items.get(0).document()));
            }, LimitedReading.millis(file, limit));
        } catch (TimeLimit.Exceeded e) {
            if (e.stage() == 0) {
                return new ReadAndFirst(LimitedReading.timedOut(file, e), null);
            }
            List<IngestItem> items = (List<IngestItem>) e.handedOver();
            return new ReadAndFirst(items, timedOut(items.get(0).document(), e));
        } catch (Exception e) {
            // the stages catch what the reader and the pipeline throw: this is the worker's own failure
            return new ReadAndFirst(LimitedReading.unreadable(file, e), null);
        }
    }

    /** Cleans one document: an unexpected failure of the pipeline becomes its reject. */
    private Outcome clean(RawDocument doc) {
        try {
            return processor.apply(doc);
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.of(new Rejection(doc.source(), "processing_error", e.toString()));
        }
    }

    private static Outcome timedOut(RawDocument doc, TimeLimit.Exceeded e) {
        return Outcome.of(new Rejection(doc.source(), "timeout", "cleaning " + e.getMessage()));
    }
}
