package io.archivebatch.batch;

import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.model.Rejection;
import io.archivebatch.core.pipeline.TimeLimit;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Reads and cleans the inputs of a chunk on the calling thread's worker ({@link TimeLimit}) in one hand-off: every
 * input's reading and every document's cleaning is a stage with its own limit, as when each was handed over alone,
 * but the caller sleeps once for the whole chunk instead of twice a document (a hand-off is two thread switches; on
 * Tehran Times ×10 they were about 5% of the run's CPU). A stage over its limit gives that input's reading or that
 * document a {@code timeout} reject; the stuck worker is dropped and a fresh one goes on after it.
 */
final class ChunkCleaning {

    private final InputReaders readers;
    private final Function<RawDocument, Outcome> cleaner;
    private final long limitMillis;
    private final ReadCache cache;

    /**
     * @param cleaner     the pipeline for one document
     * @param limitMillis a document's limit ({@code --max-seconds-per-document})
     * @param cache       the documents the profile step kept (HTML pages, WARC files), or null
     */
    ChunkCleaning(InputReaders readers, Function<RawDocument, Outcome> cleaner, long limitMillis, ReadCache cache) {
        this.readers = readers;
        this.cleaner = cleaner;
        this.limitMillis = limitMillis;
        this.cache = cache;
    }

    /**
     * Where the work is: reading input {@code input} ({@code items} null), or cleaning its document {@code doc}, the
     * outcomes of the documents before it in {@code outs}. Handed over at the start of each stage: after an overrun,
     * the caller reads only what the worker finished before that stage began.
     */
    private record At(int input, int doc, List<IngestItem> items, Outcome[] outs) {
        static At reading(int input) {
            return new At(input, -1, null, null);
        }
    }

    /** The outcomes of each input, in the order of {@code files}. */
    List<Outcome>[] run(List<InputFile> files, TimeLimit limit) throws Exception {
        @SuppressWarnings("unchecked")
        List<Outcome>[] done = new List[files.size()];
        At from = settle(files, At.reading(0), done);
        while (from != null) {
            // each hand-off has an array of its own: a worker given up on may still write into its array
            @SuppressWarnings("unchecked")
            List<Outcome>[] mine = new List[files.size()];
            At start = from;
            try {
                limit.call(stages -> {
                    work(files, start, mine, stages);
                    return null;
                }, millis(files, start));
                System.arraycopy(mine, start.input(), done, start.input(), files.size() - start.input());
                from = null;
            } catch (TimeLimit.Exceeded e) {
                At at = e.handedOver() == null ? start : (At) e.handedOver();
                System.arraycopy(mine, start.input(), done, start.input(), at.input() - start.input());
                InputFile file = files.get(at.input());
                if (at.items() == null) {
                    done[at.input()] = outcomes(LimitedReading.timedOut(file, e));
                    from = settle(files, At.reading(at.input() + 1), done);
                } else {
                    Outcome[] outs = Arrays.copyOf(at.outs(), at.outs().length);
                    Arrays.fill(outs, at.doc(), outs.length, null); // the worker's, from the stuck document on
                    outs[at.doc()] = Outcome.of(new Rejection(at.items().get(at.doc()).document().source(),
                            "timeout", "cleaning " + e.getMessage()));
                    from = settle(files, new At(at.input(), at.doc() + 1, at.items(), outs), done);
                }
            }
        }
        return done;
    }

    /** The worker's side: reads and cleans from {@code start} on, each step a stage; the first is the call's own. */
    private void work(List<InputFile> files, At start, List<Outcome>[] mine, TimeLimit.Stages stages) {
        At at = start;
        boolean first = true;
        while (at != null) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("given up on: over the time limit");
            }
            if (!first) {
                stages.next(millis(files, at), at);
            }
            first = false;
            if (at.items() == null) {
                List<IngestItem> items = read(files.get(at.input()));
                at = new At(at.input(), 0, items, new Outcome[items.size()]);
            } else {
                at.outs()[at.doc()] = clean(at.items().get(at.doc()).document());
                at = new At(at.input(), at.doc() + 1, at.items(), at.outs());
            }
            at = settle(files, at, mine);
        }
    }

    /**
     * Moves on past what needs no stage: a rejected item's outcome, an input's end (its outcomes stored). The next
     * stage's position, or null at the chunk's end.
     */
    private static At settle(List<InputFile> files, At at, List<Outcome>[] into) {
        while (true) {
            if (at.items() == null) {
                return at.input() < files.size() ? at : null;
            }
            int d = at.doc();
            List<IngestItem> items = at.items();
            while (d < items.size() && items.get(d).rejection() != null) {
                at.outs()[d] = Outcome.of(items.get(d).rejection());
                d++;
            }
            if (d < items.size()) {
                return d == at.doc() ? at : new At(at.input(), d, items, at.outs());
            }
            into[at.input()] = Arrays.asList(at.outs());
            at = At.reading(at.input() + 1);
        }
    }

    /** A stage's limit: an input's reading limit, or a document's. */
    private long millis(List<InputFile> files, At at) {
        return at.items() == null ? LimitedReading.millis(files.get(at.input()), limitMillis) : limitMillis;
    }

    private List<IngestItem> read(InputFile file) {
        List<IngestItem> kept = cache == null || !ReadCache.worthKeeping(file) ? null : cache.get(file);
        return kept != null ? kept : LimitedReading.readNow(readers, file);
    }

    /**
     * Cleans one document: an unexpected failure of the pipeline becomes its reject. An article keeps its body only as
     * the bytes the writer writes ({@link Outcome.Accepted#bodyAsBytesOnly()}): a chunk's outcomes wait for the writer
     * through a few young collections, and the body's string, made as the document is cleaned, is garbage at once
     * (Tehran Times ×10, 512 MB heap: 183-189 collections pausing 1.2-1.8 s in all, against 212-218 and 1.9-2.4 s).
     * The cleaning job's processor makes no body string at all ({@code DocumentProcessor.processBodyAsBytes}); the
     * pass-through's articles (convert) still come with theirs, and any cleaner's are dropped here.
     */
    private Outcome clean(RawDocument doc) {
        try {
            Outcome o = cleaner.apply(doc);
            return o instanceof Outcome.Accepted a ? a.bodyAsBytesOnly() : o;
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.of(new Rejection(doc.source(), "processing_error", e.toString()));
        }
    }

    private static List<Outcome> outcomes(List<IngestItem> rejected) {
        return rejected.stream().map(i -> Outcome.of(i.rejection())).toList();
    }
}
