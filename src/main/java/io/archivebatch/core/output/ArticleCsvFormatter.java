package io.archivebatch.core.output;

import io.archivebatch.core.model.Article;

import java.io.StringWriter;

/**
 * One article → one RFC 4180 CSV row (CRLF row ends, quotes where needed: byte for byte what Commons CSV's
 * {@code CSVFormat.RFC4180} prints, {@link CsvRow}), same columns as the JSON.
 * {@code related} holds the JSON array of teasers; {@code flags} is joined with ';'; null is an empty field.
 */
public final class ArticleCsvFormatter {

    private final ArticleJsonFormatter json = new ArticleJsonFormatter();

    public String header() {
        StringBuilder out = new StringBuilder();
        CsvRow row = new CsvRow(out);
        for (String column : RecordSchema.COLUMNS) {
            row.field(column);
        }
        row.end();
        return out.toString();
    }

    public String format(Article a) {
        StringWriter out = new StringWriter();
        write(a, out);
        return out.toString();
    }

    /** {@link #format(Article)} into an appendable (a {@link RecordBuffer} to reuse one buffer for every row). */
    public void write(Article a, Appendable out) {
        CsvRow row = head(a, out).field(a.body());
        tail(a, row);
    }

    /**
     * {@link #write(Article, Appendable)} but for the body, which the buffer takes as bytes when it writes the row
     * ({@link RecordBuffer#writeUtf8(java.io.OutputStream, byte[], BodyEscape)} with
     * {@link BodyEscape#CSV}); a null body is written as usual.
     */
    public void writeAroundBody(Article a, RecordBuffer out) {
        writeAroundBody(a, a.body() != null, out);
    }

    /**
     * {@link #writeAroundBody(Article, RecordBuffer)} where the body may be elsewhere (an article without its body, the
     * body's bytes kept apart: {@link io.archivebatch.core.model.Outcome.Accepted#bodyAsBytesOnly()}).
     *
     * @param hasBody whether the record has a body: false writes an empty field, true leaves its place
     */
    public void writeAroundBody(Article a, boolean hasBody, RecordBuffer out) {
        CsvRow row = head(a, out);
        tail(a, hasBody ? row.hole(out) : row.field(null));
    }

    private static CsvRow head(Article a, Appendable out) {
        return new CsvRow(out).field(a.id()).field(a.source()).field(a.url()).field(a.site()).field(a.title())
                .field(a.author()).field(a.published()).field(a.updated()).field(a.dateline()).field(a.language());
    }

    private void tail(Article a, CsvRow row) {
        row.field(a.wordCount()).field(json.formatRelated(a.related())).field(a.contentSha256())
                .field(a.duplicateOf()).field(String.join(";", a.flags())).field(a.captured())
                .end();
    }
}
