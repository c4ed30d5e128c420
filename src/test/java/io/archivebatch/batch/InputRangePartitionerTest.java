package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InputRangePartitionerTest {

    @TempDir
    Path dir;

    /**
     * Each partition's recorded byte position is where its first line starts, and its reader, from there, gives the
     * same inputs as reading the list from the start would; so does a reader resuming after committed inputs, with
     * or without the position (a partition made by an earlier version). Names with multi-byte characters and escaped
     * tabs, line feeds and carriage returns, so that bytes and characters differ.
     */
    @Test
    void partitionsStartAtTheirLinesByteOffsets() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            String name = switch (i % 5) {
                case 0 -> "خبر-" + i + ".txt";
                case 1 -> "tab\t" + i + ".txt";
                case 2 -> "cr\r" + i + "\nlf.txt";
                case 3 -> "emoji-😀-" + i + ".txt";
                default -> "plain-" + i + ".txt";
            };
            InputFile f = new InputFile(dir.resolve("in").resolve(name), "in/" + name, 100 + i, 1_700_000_000_000L + i);
            lines.add(line(f));
        }
        Path list = dir.resolve("inputs.tsv");
        Files.writeString(list, String.join("", lines), StandardCharsets.UTF_8);
        Map<String, ExecutionContext> parts = new InputRangePartitioner(lines.size(), list).partition(16);
        assertThat(parts).hasSize(InputRangePartitioner.partitions(lines.size()));
        List<InputFile> all = read(new InputListItemReader(list, 0, lines.size()), new ExecutionContext());
        assertThat(all).hasSize(lines.size());
        List<InputFile> joined = new ArrayList<>();
        for (ExecutionContext ctx : parts.values()) {
            long from = ctx.getLong("from");
            long to = ctx.getLong("to");
            long offset = ctx.getLong(InputRangePartitioner.FROM_OFFSET);
            byte[] head = String.join("", lines.subList(0, (int) from)).getBytes(StandardCharsets.UTF_8);
            assertThat(offset).isEqualTo(head.length);
            List<InputFile> range = read(new InputListItemReader(list, from, to, offset), new ExecutionContext());
            assertThat(range).isEqualTo(all.subList((int) from, (int) to));
            joined.addAll(range);
            ExecutionContext resumed = new ExecutionContext();
            resumed.putLong(InputListItemReader.KEY, 7);
            assertThat(read(new InputListItemReader(list, from, to, offset), resumed))
                    .isEqualTo(all.subList((int) from + 7, (int) to));
            assertThat(read(new InputListItemReader(list, from, to), resumed))
                    .isEqualTo(all.subList((int) from + 7, (int) to));
        }
        assertThat(joined).isEqualTo(all);
    }

    private static String line(InputFile f) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        InputLists.write(List.of(new SelectedInput(f, "")), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<InputFile> read(InputListItemReader r, ExecutionContext ctx) throws Exception {
        List<InputFile> out = new ArrayList<>();
        r.open(ctx);
        try {
            for (InputFile f; (f = r.read()) != null; ) {
                out.add(f);
            }
        } finally {
            r.close();
        }
        return out;
    }
}
