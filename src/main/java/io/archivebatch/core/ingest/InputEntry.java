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

    public static InputEntry of(InputFile f) {
        return new InputEntry(f.source(), f.path().getFileName().toString(), f.size(), () -> Files.newInputStream(f.path()));
    }

    public static InputEntry of(String source, String name, byte[] bytes) {
        return new InputEntry(source, name, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }
}
