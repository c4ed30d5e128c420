package io.archivebatch.batch;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param status      COMPLETED, FAILED, STOPPED, ALREADY_COMPLETED, NOTHING_NEW, LOCKED
 * @param resumed     whether this command resumed an earlier unfinished run
 * @param error       the failure's message for a failed run
 */
public record RunResult(String status, String command, String runName, Path folder, boolean resumed, long inputs,
                        long articles, long duplicates, long rejects, Map<String, Long> rejectsByReason,
                        double seconds, String error) {

    public static RunResult nothingNew(String command) {
        return new RunResult("NOTHING_NEW", command, null, null, false, 0, 0, 0, 0, Map.of(), 0, null);
    }

    public static RunResult locked(String command, String message) {
        return new RunResult("LOCKED", command, null, null, false, 0, 0, 0, 0, Map.of(), 0, message);
    }

    public boolean completed() {
        return status.equals("COMPLETED") || status.equals("ALREADY_COMPLETED") || status.equals("NOTHING_NEW");
    }
}
