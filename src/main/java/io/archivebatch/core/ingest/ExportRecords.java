package io.archivebatch.core.ingest;

import io.archivebatch.core.extract.DateParser;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.model.Rejection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns one record of a scraper export (field name → value) into a document, with the fields it states. */
final class ExportRecords {
    private ExportRecords() {
    }

    private static final DateParser DATES = new DateParser();

    static IngestItem toItem(String source, Map<String, String> record, FieldMapping mapping, long bytes) {
        String text = FieldMapping.first(record, mapping.text());
        if (text == null) {
            return IngestItem.of(new Rejection(source, "no_text_field",
                    "the record has none of the text fields " + mapping.text()));
        }
        Map<String, String> given = new HashMap<>();
        String title = FieldMapping.first(record, mapping.title());
        if (title != null) {
            given.put("title", title);
        }
        String author = FieldMapping.first(record, mapping.author());
        if (author != null) {
            String a = author.replaceAll("^\\[|]$", "").replace("'", "").replace("\"", "").strip();
            if (!a.isEmpty()) {
                given.put("author", a);
            }
        }
        String date = FieldMapping.first(record, mapping.published());
        if (date != null) {
            String iso = DATES.parse(date);
            if (iso != null) {
                given.put("published", iso);
            }
        }
        String url = FieldMapping.first(record, mapping.url());
        return IngestItem.of(new RawDocument(source, url, text, bytes, List.of(), given));
    }
}
