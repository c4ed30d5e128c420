package io.archivebatch.core.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The text hash is SHA-256 of {@code getBytes(UTF_8)}, whatever the text and wherever its chunks are cut. */
class HashingTest {

    @Test
    void hashOfTheUtf8BytesOnEdgeCasesAndChunkEdges() throws Exception {
        List<String> texts = new ArrayList<>(List.of("", "a", "plain ASCII text", "Zürich café", "Москва 北京 ١٢٣",
                "\ud83d\ude00 emoji \ud835\udc00", "lone high \ud800", "\ud800", "lone low \udc00 here",
                "high then letter \ud800x", "two highs \ud800\ud800\udc00", "\udc00\ud800"));
        // a pair, a lone high and a 3-byte char at every position around the chunk edge (4096 chars)
        for (int at = 4090; at <= 4100; at++) {
            for (String tail : new String[]{"\ud83d\ude00", "\ud83d", "\u20ac", "\u00e9", "\udc00"}) {
                texts.add("x".repeat(at) + tail + "end");
                texts.add("\u00e9".repeat(at) + tail);
            }
        }
        Random random = new Random(7);
        for (int k = 0; k < 200; k++) { // random chars of every kind, surrogates alone and in pairs
            char[] c = new char[random.nextInt(20_000)];
            for (int i = 0; i < c.length; i++) {
                int kind = random.nextInt(5);
                c[i] = (char) (kind == 0 ? random.nextInt(0x80) : kind == 1 ? random.nextInt(0x800)
                        : kind == 2 ? 0xD800 + random.nextInt(0x800) : random.nextInt(0x10000));
            }
            texts.add(new String(c));
        }
        texts.add("\u20ac".repeat(1_100_000)); // past the 3 MB buffer a thread keeps
        texts.add("short after a long one");
        for (String t : texts) {
            assertThat(Hashing.sha256(t)).as("%.40s (%d chars)", t, t.length()).isEqualTo(expected(t));
            Hashing.Utf8Sha256 both = Hashing.utf8AndSha256(t);
            assertThat(both.utf8()).as("%.40s (%d chars)", t, t.length()).isEqualTo(t.getBytes(StandardCharsets.UTF_8));
            assertThat(both.sha256()).isEqualTo(expected(t));
        }
    }

    @Test
    void partsJoinedByASeparatorHashAsTheJoinedString() throws Exception {
        Random random = new Random(11);
        String[] pieces = {"", "a", "Zürich café", "\ud83d\ude00", "\ud800", "\udc00", "\u20ac", "x".repeat(4095),
                "\u00e9".repeat(4097), "text \ud800", "\udc00 text", "\n", " "};
        for (int k = 0; k < 2000; k++) {
            List<String> parts = new ArrayList<>();
            for (int n = random.nextInt(6); n >= 0; n--) {
                StringBuilder part = new StringBuilder();
                for (int m = random.nextInt(4); m >= 0; m--) {
                    part.append(pieces[random.nextInt(pieces.length)]);
                }
                parts.add(part.toString());
            }
            String separator = k % 3 == 0 ? "\n\n" : k % 3 == 1 ? "-" : "\u00e9 \ud83d\ude00 \u20ac";
            String joined = String.join(separator, parts);
            Hashing.Utf8Sha256 both = Hashing.utf8AndSha256(parts, separator);
            assertThat(both.utf8()).as("%s", parts).isEqualTo(joined.getBytes(StandardCharsets.UTF_8));
            assertThat(both.sha256()).isEqualTo(expected(joined));
        }
        for (String bad : new String[]{"", "\ud800", "\udc00 x", "x \ud83d\ude00"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hashing.utf8AndSha256(List.of("a\ud800", "\udc00b"), bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        List<String> paragraphs = new ArrayList<>();
        try (var files = Files.list(io.archivebatch.Corpus.wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().limit(100).toList()) {
                paragraphs.addAll(List.of(Files.readString(f).split("\n\n")));
                Hashing.Utf8Sha256 both = Hashing.utf8AndSha256(paragraphs, "\n\n");
                assertThat(both.utf8()).isEqualTo(String.join("\n\n", paragraphs).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void hashOfRealPages() throws Exception {
        int pages = 0;
        try (var files = Files.list(io.archivebatch.Corpus.wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().limit(200).toList()) {
                String t = Files.readString(f);
                assertThat(Hashing.sha256(t)).as(f.getFileName().toString()).isEqualTo(expected(t));
                assertThat(Hashing.utf8AndSha256(t).utf8()).isEqualTo(t.getBytes(StandardCharsets.UTF_8));
                pages++;
            }
        }
        assertThat(pages).isEqualTo(200);
    }

    private static String expected(String t) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(t.getBytes(StandardCharsets.UTF_8)));
    }
}
