package io.archivebatch.core.model;

import java.util.List;

/**
 * One document as read from an input, before cleaning.
 *
 * @param source  where it came from: the input path, plus {@code #member} or {@code #line} inside containers
 * @param url     the page URL when the input knows it, else null
 * @param text    the decoded text (not yet normalized)
 * @param bytes   size of the raw input in bytes
 * @param flags   what the reader had to repair (e.g. {@code invalid_utf8_replaced}); empty when clean
 */
public record RawDocument(String source, String url, String text, long bytes, List<String> flags) {
    public RawDocument {
        flags = List.copyOf(flags);
    }
}
