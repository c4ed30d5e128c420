package io.archivebatch.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Something to read: a file, or a member of a container ({@code archive.zip#dir/page.txt}).
 *
 * @param source what records name as their source
 * @param name   the file or member name (its extension chooses the reader)
 * @param size   bytes, when known (-1 otherwise)
 */
public record InputEntry(String source, String name, long size, Opener opener) {

    /** Opens the entry's bytes (a new stream each call). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    /**
     * All the entry's bytes, at most {@code maxBytes}.
     *
     * @throws RejectedInputException {@code too_large} past the limit, {@code unreadable} on an I/O error
     */
    public byte[] readAtMost(long maxBytes) throws RejectedInputException {
        if (size > maxBytes) {
            throw new RejectedInputException("too_large", "the file has " + size + " bytes, more than the limit of " + maxBytes);
        }
        byte[] bytes;
        try {
            bytes = opener instanceof FileOpener f && size >= 0 && size < Integer.MAX_VALUE - 16
                    ? f.read(size, maxBytes) : readStream(maxBytes);
        } catch (IOException e) {
            throw new RejectedInputException("unreadable", "cannot read the file: " + e);
        }
        if (bytes.length > maxBytes) {
            throw new RejectedInputException("too_large", "the file grew beyond the limit of " + maxBytes + " bytes");
        }
        return bytes;
    }

    private byte[] readStream(long maxBytes) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
        }
    }

    public static InputEntry of(InputFile f) {
        return new InputEntry(f.source(), f.path().getFileName().toString(), f.size(), new FileOpener(f.path()));
    }

    /**
     * A file: read into an array of the size the scan saw (plus one byte, to see its end), instead of the stream's
     * growing 8 KB buffers and a final copy (Tehran dumps: 6.5 to 5 µs a file). A file that has grown since is read
     * on as a stream, up to the limit.
     */
    private record FileOpener(Path path) implements Opener {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        byte[] read(long size, long maxBytes) throws IOException {
            try (FileChannel ch = FileChannel.open(path)) {
                // the array the caller gets, unless the file changed: then one read past its end sees the end (as
                // a read of size + 1 bytes into a larger array would, which then had to be copied)
                ByteBuffer buf = ByteBuffer.allocate((int) size);
                while (buf.hasRemaining() && ch.read(buf) >= 0) {
                    // to the end of the file, or to the size
                }
                if (buf.hasRemaining()) { // shrunk since the scan
                    return Arrays.copyOf(buf.array(), buf.position());
                }
                ByteBuffer past = ByteBuffer.allocate(1);
                int n;
                do {
                    n = ch.read(past);
                } while (n == 0);
                if (n < 0) {
                    return buf.array();
                }
                // grown since the scan: the rest as a stream, up to one byte past the limit
                int have = buf.position() + 1;
                byte[] rest = Channels.newInputStream(ch).readNBytes((int) Math.min(Math.max(0, maxBytes + 1 - have), Integer.MAX_VALUE - 16 - have));
                byte[] all = Arrays.copyOf(buf.array(), have + rest.length);
                all[have - 1] = past.get(0);
                System.arraycopy(rest, 0, all, have, rest.length);
                return all;
            }
        }
    }

    public static InputEntry of(String source, String name, byte[] bytes) {
        return new InputEntry(source, name, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }
}
