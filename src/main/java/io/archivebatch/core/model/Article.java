package io.archivebatch.core.model;

import java.util.List;

/**
 * One clean record of the dataset. Field names map to the snake_case columns of the output schema
 * (see {@code io.archivebatch.core.output.RecordSchema}).
 */
public record Article(
        String id,
        String source,
        String url,
        String site,
        String title,
        String author,
        String published,
        String updated,
        String dateline,
        String language,
        String body,
        int wordCount,
        List<Related> related,
        String contentSha256,
        String duplicateOf,
        List<String> flags,
        String captured) {

    public Article {
        related = related == null ? List.of() : List.copyOf(related);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /**
     * This article with a null body, everything else the same: for a writer that holds the body's bytes instead
     * ({@link Outcome.Accepted#bodyAsBytesOnly()}).
     */
    public Article withoutBody() {
        return new Article(id, source, url, site, title, author, published, updated, dateline, language, null,
                wordCount, related, contentSha256, duplicateOf, flags, captured);
    }

    public Article withDuplicateOf(String originalId) {
        return new Article(id, source, url, site, title, author, published, updated, dateline, language, body,
                wordCount, related, contentSha256, originalId, flags, captured);
    }
}
