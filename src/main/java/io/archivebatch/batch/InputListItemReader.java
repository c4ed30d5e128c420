package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a range of the run's {@code inputs.tsv} line by line; its position (inputs handed out and committed) is saved at
 * each chunk commit, so a restart continues with the first input of the chunk that did not commit.
 */
public class InputListItemReader implements ItemStreamReader<InputFile> {

    static final String KEY = "inputs.read";

    private final Path list;
    private final long from;
    private final long to;
    private final Long fromOffset;
    private BufferedReader reader;
    private long read;

    /** Reads lines [from, to) of the list (a partition's range). */
    public InputListItemReader(Path list, long from, long to) {
        this(list, from, to, null);
    }

    /**
     * @param fromOffset the byte position of line {@code from} ({@link InputRangePartitioner#FROM_OFFSET}), or null
     *                   (a partition made by an earlier version): the lines before it are then counted from the start
     */
    public InputListItemReader(Path list, long from, long to, Long fromOffset) {
        this.list = list;
        this.from = from;
        this.to = to;
        this.fromOffset = fromOffset;
    }

    @Override
    public void open(ExecutionContext ctx) {
        try {
            long done = ctx.containsKey(KEY) ? ctx.getLong(KEY) : 0;
            java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(list, java.nio.file.StandardOpenOption.READ);
            try {
                // the range's first line by its byte position, then the committed inputs by their newlines: no line
                // before the restart point is decoded
                long start = fromOffset != null ? LineOffsets.skip(ch, fromOffset, done) : LineOffsets.skip(ch, 0, from + done);
                ch.position(start);
            } catch (IOException e) {
                ch.close();
                throw new ItemStreamException("the inputs list is shorter than the committed position " + (from + done), e);
            }
            reader = new BufferedReader(new java.io.InputStreamReader(java.nio.channels.Channels.newInputStream(ch),
                    StandardCharsets.UTF_8), 1 << 16);
            read = done;
        } catch (IOException e) {
            throw new ItemStreamException("cannot read the run's inputs list " + list, e);
        }
    }

    @Override
    public InputFile read() throws IOException {
        if (from + read >= to) {
            return null;
        }
        String line = reader.readLine();
        while (line != null && line.isEmpty()) {
            line = reader.readLine();
        }
        if (line == null) {
            return null;
        }
        read++;
        return InputLists.parse(line).file();
    }

    @Override
    public void update(ExecutionContext ctx) {
        ctx.putLong(KEY, read);
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // nothing left to flush on a reader
            }
            reader = null;
        }
    }
}
