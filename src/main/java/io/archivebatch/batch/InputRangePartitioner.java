package io.archivebatch.batch;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** Context key of the byte position in the input list where a partition's range starts. */
    static final String FROM_OFFSET = "from.offset";

    private final long inputs;
    private final Path list;

    /** @param list the run's input list, for the byte position of each range's first line (null: none recorded) */
    public InputRangePartitioner(long inputs, Path list) {
        this.inputs = inputs;
        this.list = list;
    }

    public static int partitions(long inputs) {
        return (int) Math.max(1, Math.min(MAX_PARTITIONS, inputs / MIN_INPUTS_PER_PARTITION));
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int n = partitions(inputs);
        Map<String, ExecutionContext> out = new LinkedHashMap<>();
        try (FileChannel ch = list == null || !java.nio.file.Files.exists(list) ? null : FileChannel.open(list, StandardOpenOption.READ)) {
            long line = 0;
            long offset = 0;
            for (int k = 0; k < n; k++) {
                ExecutionContext ctx = new ExecutionContext();
                long from = inputs * k / n;
                ctx.putLong("from", from);
                ctx.putLong("to", inputs * (k + 1) / n);
                ctx.putInt("part", k);
                if (ch != null) {
                    offset = LineOffsets.skip(ch, offset, from - line);
                    line = from;
                    ctx.putLong(FROM_OFFSET, offset);
                }
                out.put(name(k), ctx);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's inputs list " + list, e);
        }
        return out;
    }

    public static String name(int k) {
        return String.format(Locale.ROOT, "part-%02d", k);
    }
}
