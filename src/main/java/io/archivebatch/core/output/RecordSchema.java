package io.archivebatch.core.output;

import java.util.List;

/** The output record's columns, in order, and the schema version written into every manifest. */
public final class RecordSchema {
    private RecordSchema() {
    }

    /** 2: {@code captured} added (the WARC record's capture time). */
    public static final int VERSION = 2;

    public static final List<String> COLUMNS = List.of(
            "id", "source", "url", "site", "title", "author", "published", "updated", "dateline", "language",
            "body", "word_count", "related", "content_sha256", "duplicate_of", "flags", "captured");
}
