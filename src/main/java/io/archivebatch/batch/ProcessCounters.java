package io.archivebatch.batch;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.Map;
import java.util.TreeMap;

/** The counters the process step keeps in its execution context (committed with each chunk). */
public final class ProcessCounters {
    private ProcessCounters() {
    }

    static final String ARTICLES = "count.articles";
    static final String DUPLICATES = "count.duplicates";
    static final String REJECT_PREFIX = "reject.";

    /** Rejected inputs by reason. */
    public static Map<String, Long> rejectsByReason(ExecutionContext ctx) {
        Map<String, Long> reasons = new TreeMap<>();
        for (Map.Entry<String, Object> e : ctx.entrySet()) {
            if (e.getKey().startsWith(REJECT_PREFIX)) {
                reasons.put(e.getKey().substring(REJECT_PREFIX.length()), ((Number) e.getValue()).longValue());
            }
        }
        return reasons;
    }

    public static void putRejects(ExecutionContext ctx, Map<String, Long> reasons) {
        reasons.forEach((k, v) -> ctx.putLong(REJECT_PREFIX + k, v));
    }
}
