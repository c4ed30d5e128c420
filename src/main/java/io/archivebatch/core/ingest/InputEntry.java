package io.archivebatch.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

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
        try (InputStream in = open()) {
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
        } catch (IOException e) {
            throw new RejectedInputException("unreadable", "cannot read the file: " + e);
        }
        if (bytes.length > maxBytes) {
            throw new RejectedInputException("too_large", "the file grew beyond the limit of " + maxBytes + " bytes");
        }
        return bytes;
    }

    public static InputEntry of(InputFile f) {
        return new InputEntry(f.source(), f.path().getFileName().toString(), f.size(), () -> Files.newInputStream(f.path()));
    }

    public static InputEntry of(String source, String name, byte[] bytes) {
        return new InputEntry(source, name, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }
}
