package io.archivebatch.core.output;

import io.archivebatch.core.model.Article;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One article → one RFC 4180 CSV row (Commons CSV, CRLF row ends, quotes where needed), same columns as the JSON.
 * {@code related} holds the JSON array of teasers; {@code flags} is joined with ';'; null is an empty field.
 */
public final class ArticleCsvFormatter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private final ArticleJsonFormatter json = new ArticleJsonFormatter();

    public String header() {
        return row(new ArrayList<>(RecordSchema.COLUMNS));
    }

    public String format(Article a) {
        StringWriter out = new StringWriter();
        write(a, out);
        return out.toString();
    }

    /** {@link #format(Article)} into an appendable (a {@link RecordBuffer} to reuse one buffer for every row). */
    public void write(Article a, Appendable out) {
        List<Object> v = new ArrayList<>(RecordSchema.COLUMNS.size());
        v.add(a.id());
        v.add(a.source());
        v.add(a.url());
        v.add(a.site());
        v.add(a.title());
        v.add(a.author());
        v.add(a.published());
        v.add(a.updated());
        v.add(a.dateline());
        v.add(a.language());
        v.add(a.body());
        v.add(a.wordCount());
        v.add(json.formatRelated(a.related()));
        v.add(a.contentSha256());
        v.add(a.duplicateOf());
        v.add(String.join(";", a.flags()));
        v.add(a.captured());
        row(v, out);
    }

    private static String row(List<?> values) {
        StringWriter out = new StringWriter();
        row(values, out);
        return out.toString();
    }

    private static void row(List<?> values, Appendable out) {
        try {
            // not closed: closing the printer would close the caller's appendable
            new CSVPrinter(out, FORMAT).printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
