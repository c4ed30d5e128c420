package io.archivebatch.core.ingest;

import io.archivebatch.core.model.RawDocument;

import java.io.IOException;
import java.io.InputStream;

/** Reads one {@code .txt} dump (one article per file) into a {@link RawDocument}. */
public final class TextDumpReader {

    private final TextDecoder decoder;
    private final long maxBytes;

    public TextDumpReader(TextDecoder decoder, long maxBytes) {
        this.decoder = decoder;
        this.maxBytes = maxBytes;
    }

    public TextDumpReader() {
        this(new TextDecoder(), 20L * 1024 * 1024);
    }

    public RawDocument read(InputFile file) throws RejectedInputException {
        return read(InputEntry.of(file));
    }

    public RawDocument read(InputEntry file) throws RejectedInputException {
        byte[] bytes;
        try {
            long size = file.size();
            if (size > maxBytes) {
                throw new RejectedInputException("too_large",
                        "the file has " + size + " bytes, more than the limit of " + maxBytes);
            }
            try (InputStream in = file.open()) {
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
            }
        } catch (IOException e) {
            throw new RejectedInputException("unreadable", "cannot read the file: " + e);
        }
        if (bytes.length > maxBytes) {
            throw new RejectedInputException("too_large", "the file grew beyond the limit of " + maxBytes + " bytes");
        }
        TextDecoder.Decoded d = decoder.decode(bytes);
        return new RawDocument(file.source(), null, d.text(), bytes.length, d.flags());
    }
}
