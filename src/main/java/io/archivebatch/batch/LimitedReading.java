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
        long millis = limit.millis() * Math.max(1, (file.size() >> 20) + 1);
        try {
            return limit.call(() -> readers.read(file), millis);
        } catch (TimeLimit.Exceeded e) {
            return List.of(IngestItem.of(new Rejection(file.source(), "timeout", "reading the input " + e.getMessage())));
        } catch (Exception | StackOverflowError e) {
            return List.of(IngestItem.of(new Rejection(file.source(), "unreadable", e.toString())));
        }
    }
}
