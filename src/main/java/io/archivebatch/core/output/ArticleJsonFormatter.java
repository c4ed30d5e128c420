package io.archivebatch.core.output;

import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Related;
import io.archivebatch.core.model.Rejection;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.util.List;

/** One article (or reject) → one compact JSON line, fields in {@link RecordSchema} order, snake_case. */
public final class ArticleJsonFormatter {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public String format(Article a) {
        StringWriter out = new StringWriter((a.body() == null ? 0 : a.body().length()) + 512);
        write(a, out);
        return out.toString();
    }

    /** {@link #format(Article)} into a writer (a {@link RecordBuffer} to reuse one buffer for every record). */
    public void write(Article a, java.io.Writer out) {
        write(a, out, null);
    }

    /**
     * {@link #write(Article, java.io.Writer)} but for the body's characters, which the buffer takes as bytes when it
     * writes the record ({@link RecordBuffer#writeUtf8(java.io.OutputStream, byte[], BodyEscape)} with
     * {@link BodyEscape#JSON}); a null body is written as usual.
     */
    public void writeAroundBody(Article a, RecordBuffer out) {
        writeAroundBody(a, a.body() != null, out);
    }

    /**
     * {@link #writeAroundBody(Article, RecordBuffer)} where the body may be elsewhere (an article without its body, the
     * body's bytes kept apart: {@link io.archivebatch.core.model.Outcome.Accepted#bodyAsBytesOnly()}).
     *
     * @param hasBody whether the record has a body: false writes it as null, true leaves its place
     */
    public void writeAroundBody(Article a, boolean hasBody, RecordBuffer out) {
        write(a, out, hasBody ? out : null);
    }

    private void write(Article a, java.io.Writer out, RecordBuffer hole) {
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("id", a.id());
            g.writeStringProperty("source", a.source());
            g.writeStringProperty("url", a.url());
            g.writeStringProperty("site", a.site());
            g.writeStringProperty("title", a.title());
            g.writeStringProperty("author", a.author());
            g.writeStringProperty("published", a.published());
            g.writeStringProperty("updated", a.updated());
            g.writeStringProperty("dateline", a.dateline());
            g.writeStringProperty("language", a.language());
            if (hole == null) {
                g.writeStringProperty("body", a.body());
            } else {
                g.writeStringProperty("body", "");
                g.flush();
                hole.markHole(hole.length() - 1); // between the quotes
            }
            g.writeNumberProperty("word_count", a.wordCount());
            g.writeName("related");
            writeRelated(g, a.related());
            g.writeStringProperty("content_sha256", a.contentSha256());
            g.writeStringProperty("duplicate_of", a.duplicateOf());
            g.writeName("flags");
            g.writeStartArray();
            for (String f : a.flags()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeStringProperty("captured", a.captured());
            g.writeEndObject();
        }
    }

    public String formatRelated(List<Related> related) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = mapper.createGenerator(out)) {
            writeRelated(g, related);
        }
        return out.toString();
    }

    public String format(Rejection r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("source", r.source());
            g.writeStringProperty("reason", r.reason());
            g.writeStringProperty("detail", r.detail());
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void writeRelated(JsonGenerator g, List<Related> related) {
        g.writeStartArray();
        for (Related r : related) {
            g.writeStartObject();
            g.writeStringProperty("title", r.title());
            g.writeStringProperty("published", r.published());
            g.writeStringProperty("updated", r.updated());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
