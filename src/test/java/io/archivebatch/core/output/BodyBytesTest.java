package io.archivebatch.core.output;

import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's records with the body encoded once and escaped as bytes ({@link BodyEscape}) are, byte for
 * byte, the JSON line and CSV row the formatters write with the body as a string: on every wcxb-dev article (text
 * dumps and HTML pages), and on bodies made of every ASCII character, lone and paired surrogates and random mixes.
 */
class BodyBytesTest {

    private final ArticleJsonFormatter json = new ArticleJsonFormatter();
    private final ArticleCsvFormatter csv = new ArticleCsvFormatter();
    private final RecordBuffer buffer = new RecordBuffer();

    @Test
    void realArticlesAreWrittenAsTheirStringsAre() throws Exception {
        int[] articles = {0};
        int[] escaped = {0};
        io.archivebatch.Corpus.forEachWcxbArticle((dump, acc) -> {
            assertThat(acc.bodyUtf8()).isEqualTo(acc.article().body().getBytes(StandardCharsets.UTF_8));
            assertSame(acc.article());
            Outcome.Accepted slim = acc.bodyAsBytesOnly();
            assertThat(slim.article().body()).isNull();
            assertThat(slim.article()).isEqualTo(acc.article().withoutBody());
            assertThat(slim.bodyUtf8()).isSameAs(acc.bodyUtf8());
            assertThat(slim.hasBody()).isTrue();
            assertThat(slim.body()).isEqualTo(acc.article().body());
            escaped[0] += acc.article().body().contains("\"") || acc.article().body().contains("\\") ? 1 : 0;
            articles[0]++;
        });
        assertThat(articles[0]).isGreaterThan(650);
        assertThat(escaped[0]).isGreaterThan(100);
    }

    @Test
    void everyAwkwardBodyIsWrittenAsItsStringIs() throws Exception {
        List<String> bodies = new ArrayList<>(List.of("", " ", "#", "\"", ",", "a", "plain words", "\u00e9t\u00e9",
                "\ud83d\ude00", "\ud83d", "\ude00", "x\ud83dy", "\u2028\u2029\u007f\u0080\u00a0", "ends with a space ",
                "ends with a tab\t", "-starts", "$starts", "a,b", "line\r\nbreak"));
        for (char c = 0; c < 0x80; c++) {
            bodies.add(String.valueOf(c));
            bodies.add("a" + c + "b");
            bodies.add(c + "x" + c);
        }
        Random random = new Random(7);
        String pool = "\"\\\n\r\t\b\f\u0000\u001f ,#aZ\u00e9\u2019\ud83d\ude00\u4e2d";
        for (int k = 0; k < 5_000; k++) {
            char[] s = new char[random.nextInt(40)];
            for (int i = 0; i < s.length; i++) {
                s[i] = pool.charAt(random.nextInt(pool.length()));
            }
            bodies.add(new String(s));
        }
        String prose = "Plain prose, with words \u00e9t\u00e9 \u2019 \ud83d\ude00 ";
        for (int k = 0; k < 3_000; k++) { // long runs with a rare awkward character anywhere: the 8-byte steps
            StringBuilder b = new StringBuilder();
            for (int len = random.nextInt(300); b.length() < len; ) {
                b.append(random.nextInt(12) == 0 ? pool.charAt(random.nextInt(pool.length()))
                        : prose.charAt(random.nextInt(prose.length())));
            }
            bodies.add(b.toString());
        }
        for (String body : bodies) {
            assertSame(article(body));
        }
    }

    private static Article article(String body) {
        return new Article("0123456789abcdef", "in/a.txt", "https://example.com/a", "example.com", "A \"title\"",
                null, "2024-01-02", null, "TEHRAN -", "en", body, 3, List.of(), "ab" + body.length(),
                null, List.of("x", "y"), null);
    }

    private void assertSame(Article a) throws Exception {
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.writeAroundBody(a, buffer.reset());
        int n = buffer.writeUtf8(out, body, BodyEscape.JSON);
        assertThat(n).isEqualTo(out.size());
        assertThat(out.toString(StandardCharsets.UTF_8)).as("JSON of %s", a.body()).isEqualTo(
                new String(json.format(a).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertThat(out.toByteArray()).isEqualTo(json.format(a).getBytes(StandardCharsets.UTF_8));

        out.reset();
        csv.writeAroundBody(a, buffer.reset());
        n = buffer.writeUtf8(out, body, BodyEscape.CSV);
        assertThat(n).isEqualTo(out.size());
        assertThat(out.toByteArray()).as("CSV of %s", a.body()).isEqualTo(csv.format(a).getBytes(StandardCharsets.UTF_8));

        // the same records from the article without its body, the body's bytes kept apart (what the writer gets)
        Outcome.Accepted slim = new Outcome.Accepted(a, body).bodyAsBytesOnly();
        assertThat(slim.article().body()).isNull();
        out.reset();
        json.writeAroundBody(slim.article(), slim.hasBody(), buffer.reset());
        buffer.writeUtf8(out, slim.bodyUtf8(), BodyEscape.JSON);
        assertThat(out.toByteArray()).as("JSON of %s without its body", a.body())
                .isEqualTo(json.format(a).getBytes(StandardCharsets.UTF_8));
        out.reset();
        csv.writeAroundBody(slim.article(), slim.hasBody(), buffer.reset());
        buffer.writeUtf8(out, slim.bodyUtf8(), BodyEscape.CSV);
        assertThat(out.toByteArray()).as("CSV of %s without its body", a.body())
                .isEqualTo(csv.format(a).getBytes(StandardCharsets.UTF_8));
    }

    /** An article without a body, or without bytes of it, is kept as it is, and written with a null body. */
    @Test
    void noBodyOrNoBytesIsKeptAsItIs() throws Exception {
        Article none = article("x").withoutBody();
        Outcome.Accepted noBody = new Outcome.Accepted(none, null);
        assertThat(noBody.bodyAsBytesOnly()).isSameAs(noBody);
        assertThat(noBody.hasBody()).isFalse();
        assertThat(noBody.body()).isNull();
        Outcome.Accepted noBytes = new Outcome.Accepted(article("words"));
        assertThat(noBytes.bodyAsBytesOnly()).isSameAs(noBytes);
        assertThat(noBytes.body()).isEqualTo("words");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.writeAroundBody(none, false, buffer.reset());
        buffer.writeUtf8(out, null, BodyEscape.JSON);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(json.format(none)).contains("\"body\":null");
        out.reset();
        csv.writeAroundBody(none, false, buffer.reset());
        buffer.writeUtf8(out, null, BodyEscape.CSV);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(csv.format(none));
    }

    /** The eight-bytes-at-a-time tests agree with a look at each byte, for every byte value in every place. */
    @Test
    void eightByteTestsAgreeWithEachByte() {
        Random random = new Random(3);
        for (int k = 0; k < 200_000; k++) {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 0x20 + random.nextInt(0x5f));
            }
            if (k < 8 * 256) { // every value in every place, the others plain
                java.util.Arrays.fill(b, (byte) 'a');
                b[k % 8] = (byte) (k / 8);
            }
            long x = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
            boolean quote = false;
            boolean escape = false;
            for (byte v : b) {
                quote |= v == '"';
                escape |= v >= 0 && v < 0x20 || v == '"' || v == '\\';
            }
            assertThat(BodyEscape.hasByte(x, 0x2222222222222222L)).isEqualTo(quote);
            assertThat(BodyEscape.jsonEscapeIn(x)).isEqualTo(escape);
        }
    }
}
