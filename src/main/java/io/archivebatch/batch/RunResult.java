package io.archivebatch.batch;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param status      COMPLETED, FAILED, STOPPED, ALREADY_COMPLETED, LOCKED
 * @param resumed     whether this command resumed an earlier unfinished run
 * @param error       the failure's message for a failed run
 */
public record RunResult(String status, String runName, Path folder, boolean resumed, long inputs, long articles,
                        long duplicates, long rejects, Map<String, Long> rejectsByReason, double seconds, String error) {

    public boolean completed() {
        return status.equals("COMPLETED") || status.equals("ALREADY_COMPLETED");
    }
}
