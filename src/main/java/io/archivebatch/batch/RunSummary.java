package io.archivebatch.batch;

import java.time.LocalDateTime;
import java.util.Map;

/** One run as {@code status} shows it. */
public record RunSummary(long instanceId, String runName, String command, Map<String, String> parameters, String status,
                         int executions, LocalDateTime started, LocalDateTime ended, double seconds, long read,
                         long written, long rejected, long duplicates, String error) {
}
