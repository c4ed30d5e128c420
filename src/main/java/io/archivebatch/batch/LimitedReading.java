package io.archivebatch.batch;

import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.Rejection;
import io.archivebatch.core.pipeline.TimeLimit;

import java.util.List;

/**
 * Reads one input under a time limit: the per-document limit for each started megabyte (an export or a crawl holds
 * many documents). An input that takes longer, or whose reader fails unexpectedly, becomes one reject.
 */
final class LimitedReading {

    private LimitedReading() {
    }

    /** @param limit the calling thread's worker; its limit is the per-document one */
    static List<IngestItem> read(InputReaders readers, InputFile file, TimeLimit limit) {
        try {
            return limit.call(() -> readNow(readers, file), millis(file, limit));
        } catch (TimeLimit.Exceeded e) {
            return timedOut(file, e);
        } catch (Exception | StackOverflowError e) {
            return unreadable(file, e);
        }
    }

    /**
     * Reads the inputs one after the other in one hand-off to the calling thread's worker, each read a stage with its
     * own limit ({@link #millis}), so that a batch costs two thread switches instead of two an input. An input over
     * its limit becomes its {@code timeout} reject and a fresh worker reads on from the next one.
     *
     * @return each input's items, in the order of {@code files}
     */
    static List<List<IngestItem>> readAll(InputReaders readers, List<InputFile> files, TimeLimit limit) throws Exception {
        @SuppressWarnings("unchecked")
        List<IngestItem>[] done = new List[files.size()];
        int from = 0;
        while (from < files.size()) {
            int start = from;
            // each hand-off has an array of its own: a worker given up on may still write into its array
            @SuppressWarnings("unchecked")
            List<IngestItem>[] mine = new List[files.size()];
            try {
                limit.call(stages -> {
                    for (int i = start; i < files.size(); i++) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new java.util.concurrent.CancellationException("given up on: over the time limit");
                        }
                        if (i > start) {
                            stages.next(millis(files.get(i), limit.millis()), i);
                        }
                        mine[i] = readNow(readers, files.get(i));
                    }
                    return null;
                }, millis(files.get(start), limit));
                System.arraycopy(mine, start, done, start, files.size() - start);
                from = files.size();
            } catch (TimeLimit.Exceeded e) {
                int at = e.handedOver() == null ? start : (Integer) e.handedOver();
                System.arraycopy(mine, start, done, start, at - start);
                done[at] = timedOut(files.get(at), e);
                from = at + 1;
            }
        }
        return java.util.Arrays.asList(done);
    }

    /** The input's limit: the per-document one for each started megabyte. */
    static long millis(InputFile file, TimeLimit limit) {
        return millis(file, limit.millis());
    }

    /** The input's limit for this per-document limit. */
    static long millis(InputFile file, long documentMillis) {
        return documentMillis * Math.max(1, (file.size() >> 20) + 1);
    }

    /** Reads the input on this thread, with no limit: a reader's failure becomes the input's one reject. */
    static List<IngestItem> readNow(InputReaders readers, InputFile file) {
        try {
            return readers.read(file);
        } catch (Exception | StackOverflowError e) {
            return unreadable(file, e);
        }
    }

    /** The reject of an input whose reader failed unexpectedly. */
    static List<IngestItem> unreadable(InputFile file, Throwable e) {
        return List.of(IngestItem.of(new Rejection(file.source(), "unreadable", e.toString())));
    }

    /** The reject of an input whose reading took longer than its limit. */
    static List<IngestItem> timedOut(InputFile file, TimeLimit.Exceeded e) {
        return List.of(IngestItem.of(new Rejection(file.source(), "timeout", "reading the input " + e.getMessage())));
    }
}
