package io.archivebatch.batch;

import java.util.Map;

/**
 * The per-document limits of a run: the largest document read ({@code --max-document-bytes}) and the longest time
 * one may take ({@code --max-seconds-per-document}). A run keeps the ones it was started with in its job parameters
 * (not identifying), so a restart reads and cleans the rest of its inputs with the same limits, whatever the
 * restarting process was given: otherwise a document the run would have rejected as too_large could become an
 * article after a crash, or the other way round.
 */
public record RunLimits(long maxDocumentBytes, int maxSecondsPerDocument) {

    /** Names of the job parameters that carry them. */
    public static final String MAX_BYTES = "max_document_bytes";
    public static final String MAX_SECONDS = "max_seconds_per_document";

    public RunLimits {
        if (maxDocumentBytes <= 0 || maxSecondsPerDocument <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxDocumentBytes + " bytes, "
                    + maxSecondsPerDocument + " s");
        }
    }

    public long millisPerDocument() {
        return maxSecondsPerDocument * 1000L;
    }

    /**
     * The limits recorded in a run's job parameters; these (the process's own) for a run started by a version that did
     * not record them.
     */
    public RunLimits of(Map<String, Object> jobParameters) {
        Object bytes = jobParameters.get(MAX_BYTES);
        Object seconds = jobParameters.get(MAX_SECONDS);
        return new RunLimits(bytes instanceof Number b ? b.longValue() : maxDocumentBytes,
                seconds instanceof Number s ? s.intValue() : maxSecondsPerDocument);
    }
}
