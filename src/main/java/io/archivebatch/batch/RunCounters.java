package io.archivebatch.batch;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a run has done so far: the merge step's totals once it completed, else the sum of the committed counters of
 * its partitions (for a failed or stopped run).
 */
public record RunCounters(long read, long articles, long duplicates, Map<String, Long> rejectsByReason) {

    public long rejects() {
        return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public static RunCounters of(JobRepository repository, JobInstance instance) {
        StepExecution merge = repository.getLastStepExecution(instance, ArchiveJobConfig.MERGE_STEP);
        if (merge != null && merge.getStatus() == BatchStatus.COMPLETED) {
            return from(merge.getExecutionContext());
        }
        long read = 0;
        long articles = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (int k = 0; k < InputRangePartitioner.MAX_PARTITIONS; k++) {
            StepExecution part = repository.getLastStepExecution(instance,
                    ArchiveJobConfig.PARTITION_STEP + ":" + InputRangePartitioner.name(k));
            if (part == null) {
                continue;
            }
            RunCounters c = from(part.getExecutionContext());
            read += c.read();
            articles += c.articles();
            c.rejectsByReason().forEach((r, n) -> reasons.merge(r, n, Long::sum));
        }
        return new RunCounters(read, articles, 0, reasons);
    }

    static RunCounters from(ExecutionContext ctx) {
        return new RunCounters(ctx.getLong(InputListItemReader.KEY, 0L), ctx.getLong(ProcessCounters.ARTICLES, 0L),
                ctx.getLong(ProcessCounters.DUPLICATES, 0L), ProcessCounters.rejectsByReason(ctx));
    }
}
