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

    /** The fields a mapping names. */
    public static final List<String> FIELDS = List.of("text", "title", "url", "published", "author");

    /**
     * The defaults with a user's names put first: {@code text=story_text,body;published=created_at} (fields separated
     * by {@code ;}, names by {@code ,}). An empty spec gives the defaults.
     *
     * @throws IllegalArgumentException for an unknown field or an entry without {@code =}
     */
    public static FieldMapping parse(String spec) {
        FieldMapping m = defaults();
        if (spec == null || spec.isBlank()) {
            return m;
        }
        java.util.Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
        lists.put("text", m.text());
        lists.put("title", m.title());
        lists.put("url", m.url());
        lists.put("published", m.published());
        lists.put("author", m.author());
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a field mapping is NAME=COLUMNS, got '" + entry.strip() + "'");
            }
            String field = entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!lists.containsKey(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "' (one of " + String.join(", ", FIELDS) + ")");
            }
            List<String> names = new java.util.ArrayList<>();
            for (String n : entry.substring(eq + 1).split(",")) {
                if (!n.isBlank()) {
                    names.add(n.strip().toLowerCase(Locale.ROOT));
                }
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no column named for field '" + field + "'");
            }
            for (String n : lists.get(field)) {
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
            lists.put(field, List.copyOf(names));
        }
        return new FieldMapping(lists.get("text"), lists.get("title"), lists.get("url"), lists.get("published"),
                lists.get("author"));
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
