package io.archivebatch.core.ingest;

import io.archivebatch.core.model.RawDocument;


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
        return decode(file.source(), file.readAtMost(maxBytes));
    }

    /** A dump whose bytes are already read. */
    public RawDocument decode(String source, byte[] bytes) throws RejectedInputException {
        TextDecoder.Decoded d = decoder.decode(bytes);
        return new RawDocument(source, null, d.text(), bytes.length, d.flags());
    }
}
