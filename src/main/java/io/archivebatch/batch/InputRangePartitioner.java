package io.archivebatch.batch;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a run's input list into contiguous ranges, one partition each. The number of partitions depends only on
 * the number of inputs (never on the thread count), and the merge concatenates the parts in range order, so the
 * output is the same for any {@code --threads}. Partition k writes {@code part-k/}; a restart resumes each partition
 * after its own last committed chunk.
 */
public class InputRangePartitioner implements Partitioner {

    static final int MAX_PARTITIONS = 16;
    static final int MIN_INPUTS_PER_PARTITION = 100;

    private final long inputs;

    public InputRangePartitioner(long inputs) {
        this.inputs = inputs;
    }

    public static int partitions(long inputs) {
        return (int) Math.max(1, Math.min(MAX_PARTITIONS, inputs / MIN_INPUTS_PER_PARTITION));
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int n = partitions(inputs);
        Map<String, ExecutionContext> out = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            ExecutionContext ctx = new ExecutionContext();
            ctx.putLong("from", inputs * k / n);
            ctx.putLong("to", inputs * (k + 1) / n);
            ctx.putInt("part", k);
            out.put(name(k), ctx);
        }
        return out;
    }

    public static String name(int k) {
        return String.format(Locale.ROOT, "part-%02d", k);
    }
}
