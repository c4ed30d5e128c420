package io.archivebatch.core.clean;

import io.archivebatch.Corpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The normalizer keeps its work arrays per thread: one text's leftovers never reach the next one's result. */
class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void normalizes() {
        assertThat(normalizer.normalize("  One\t two  \r\n\r\n\r\n\u200Bthree\u00A0 \n")).isEqualTo("One two\n\nthree");
        assertThat(normalizer.normalize("Cafe\u0301")).isEqualTo("Caf\u00E9"); // NFC
        assertThat(normalizer.normalize("Investor\u00E2\u20AC\u2122s")).isEqualTo("Investor\u2019s"); // mojibake
        assertThat(normalizer.normalize("")).isEqualTo("");
        // repaired, then composed: the combining accent appears only once the double encoding is undone
        assertThat(normalizer.normalize("Cafe\u00CC\u0081 and Investor\u00E2\u20AC\u2122s"))
                .isEqualTo("Caf\u00E9 and Investor\u2019s");
        assertThat(normalizer.normalize("Caf\u00C3\u00A9 e\u0301 \u00E2\u20AC\u201C x")).isEqualTo("Caf\u00E9 \u00E9 \u2013 x");
        assertThat(normalizer.normalize("\u00C3\u00A9t\u00C3\u00A9\n\n\u2122 \u20AC 5")) // too little to prove it
                .isEqualTo("\u00C3\u00A9t\u00C3\u00A9\n\n\u2122 \u20AC 5");
    }

    /** Each char between two letters: a line break, a space, dropped, or kept (NFC composed), as its class says. */
    @Test
    void everyCharIsALineBreakASpaceDroppedOrKept() {
        int[] kinds = new int[4];
        for (int c = 0; c < 0x10000; c++) {
            char ch = (char) c;
            if (Character.isSurrogate(ch)) {
                continue;
            }
            String text = "a" + ch + "b";
            String expected;
            int kind;
            if (ch == '\n' || ch == '\r' || ch == '\u2028' || ch == '\u2029' || ch == '\u0085') {
                expected = "a\nb";
                kind = 0;
            } else if (ch == '\t' || ch == '\u000B' || ch == '\f' || TextNormalizer.isSpace(ch)) {
                expected = "a b";
                kind = 1;
            } else if (TextNormalizer.isDropped(ch)) {
                expected = "ab";
                kind = 2;
            } else {
                expected = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
                kind = 3;
            }
            assertThat(normalizer.normalize(text)).as("U+%04X", c).isEqualTo(expected);
            kinds[kind]++;
        }
        assertThat(kinds).doesNotContain(0);
        assertThat(kinds[1]).isEqualTo(3 + 17); // tab, vertical tab, form feed; the Unicode spaces
    }

    @Test
    void aTextGivesTheSameOnAThreadThatNormalizedOthersBefore() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Corpus.wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().limit(120).toList()) {
                texts.add(Files.readString(f));
            }
        }
        texts.add("x".repeat(1_500_000) + "\n\n y \u0301"); // past what a thread keeps, and NFC after it
        texts.add("short\u0301 text");
        List<String> inOrder = new ArrayList<>(); // one thread, long and short texts one after another
        for (String t : texts) {
            inOrder.add(normalizer.normalize(t));
        }
        for (int i = 0; i < texts.size(); i++) { // each again on a new thread: work arrays of its own
            String t = texts.get(i);
            String[] fresh = new String[1];
            Thread thread = new Thread(() -> fresh[0] = normalizer.normalize(t));
            thread.start();
            thread.join();
            assertThat(fresh[0]).as("text %d", i).isEqualTo(inOrder.get(i));
        }
    }
}
