package io.archivebatch.core.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which fields of a scraper export (JSON Lines, JSON, CSV) hold what: the common names of newspaper3k, news-please,
 * trafilatura, Scrapy feeds and the FakeNewsCorpus, first present non-empty wins, names compared case-insensitively.
 */
public record FieldMapping(List<String> text, List<String> title, List<String> url, List<String> published, List<String> author) {

    public static FieldMapping defaults() {
        return new FieldMapping(
                List.of("text", "content", "body", "maintext", "article", "full_text", "raw_text"),
                List.of("title", "headline"),
                List.of("url", "link", "source_url", "canonical_url"),
                List.of("date", "published", "date_publish", "publish_date", "published_at", "pubdate", "date_published"),
                List.of("authors", "author", "byline"));
    }

    /** The first non-blank value among the candidate names. */
    public static String first(Map<String, String> record, List<String> names) {
        for (String n : names) {
            String v = record.get(n.toLowerCase(Locale.ROOT));
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
