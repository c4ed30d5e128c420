package io.archivebatch.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Byte positions of lines in a file of {@code '\n'}-terminated UTF-8 lines (the run's {@code inputs.tsv}, which
 * escapes carriage returns): found by counting newline bytes, without decoding the lines. A partition's reader starts
 * at its range's first line this way instead of reading every line before it (on a list of millions of inputs, the
 * later partitions read most of it).
 */
final class LineOffsets {

    private LineOffsets() {
    }

    /**
     * The position of the line {@code lines} lines after the one starting at {@code position}.
     *
     * @throws IOException when the file ends before that many lines
     */
    static long skip(FileChannel ch, long position, long lines) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        byte[] a = buf.array();
        long pos = position;
        long left = lines;
        while (left > 0) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("the file ends " + left + " lines before line " + lines + " after byte " + position);
            }
            for (int i = 0; i < n; i++) {
                if (a[i] == '\n' && --left == 0) {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return pos;
    }
}
