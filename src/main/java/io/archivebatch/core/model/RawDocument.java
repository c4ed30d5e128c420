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
 * @param given   metadata the input stated itself (exports of scrapers): {@code title}, {@code author}, {@code published};
 *                a WARC record's capture time as {@code captured}
 */
public record RawDocument(String source, String url, String text, long bytes, List<String> flags,
                          java.util.Map<String, String> given) {
    public RawDocument {
        flags = List.copyOf(flags);
        given = given == null ? java.util.Map.of() : java.util.Map.copyOf(given);
    }

    /** A document that brings no metadata of its own (a text dump). */
    public RawDocument(String source, String url, String text, long bytes, List<String> flags) {
        this(source, url, text, bytes, flags, java.util.Map.of());
    }

    /** The same document with one more stated field. */
    public RawDocument withGiven(String field, String value) {
        if (value == null) {
            return this;
        }
        java.util.Map<String, String> g = new java.util.HashMap<>(given);
        g.put(field, value);
        return new RawDocument(source, url, text, bytes, flags, g);
    }

    /** Metadata the input stated (a scraper export's {@code title}, {@code author}, {@code published}), else null. */
    public String given(String field) {
        return given.get(field);
    }
}
