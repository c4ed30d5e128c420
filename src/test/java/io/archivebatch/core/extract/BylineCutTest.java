package io.archivebatch.core.extract;

import io.archivebatch.Corpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The byline cut gives what its regular expression's {@code replaceFirst("")} gives, on real and on made-up text. */
class BylineCutTest {

    private static String reference(String name) {
        return BylineCut.CUT.matcher(name).replaceFirst("");
    }

    @Test
    void cutsWhereThePatternCuts() {
        assertThat(BylineCut.apply("Jane Doe | Staff Writer")).isEqualTo("Jane Doe");
        assertThat(BylineCut.apply("Jane Doe  - Reuters")).isEqualTo("Jane Doe");
        assertThat(BylineCut.apply("Jane Doe, Updated June 3")).isEqualTo("Jane Doe");
        assertThat(BylineCut.apply("Jane Doe in Tehran")).isEqualTo("Jane Doe");
        assertThat(BylineCut.apply("Martin Atwood")).isEqualTo("Martin Atwood"); // "in", "at" inside words
        assertThat(BylineCut.apply("Jane Doe 12:30")).isEqualTo("Jane Doe");
        assertThat(BylineCut.apply("Jane Doe (AP)")).isEqualTo("Jane Doe");
        assertThat(BylineCut.apply("Jane Doe İN Tehran")).isEqualTo("Jane Doe"); // folded as (?iu) folds
        assertThat(BylineCut.apply("")).isEqualTo("");
    }

    @Test
    void sameAsThePatternOnEveryWcxbDevLine() throws Exception {
        List<String> texts = new ArrayList<>();
        Corpus.forEachWcxbDumpBlocks((f, blocks) -> {
            for (var b : blocks) {
                String t = b.text();
                texts.add(t.length() > 300 ? t.substring(0, 300) : t);
                int by = t.toLowerCase(java.util.Locale.ROOT).indexOf("by ");
                if (by >= 0) { // what follows "by": the names the extractor cuts
                    texts.add(t.substring(by + 3, Math.min(t.length(), by + 123)));
                }
            }
        });
        assertThat(texts.size()).isGreaterThan(100_000);
        long cut = 0;
        for (String t : texts) {
            String expected = reference(t);
            assertThat(BylineCut.apply(t)).as(t).isEqualTo(expected);
            cut += expected.length() < t.length() ? 1 : 0;
        }
        assertThat(cut).isGreaterThan(10_000); // both sides are well exercised
    }

    @Test
    void sameAsThePatternOnRandomStringsOfItsAwkwardCharacters() {
        // letters of the alternatives, their case variants and the characters (?iu) folds onto them, spaces and
        // line terminators, combining marks (\b counts a mark after a letter as a word character), digits, surrogates
        String[] alphabet = {"a", "t", "i", "n", "o", "p", "u", "h", "f", "r", "d", "m", "e", "s", "A", "T", "I", "N", "O",
                "P", "U", "İ", "ı", "ſ", "K", " ", " ", " ", "\t", "\u000B", "\f", "\r", "\n", "\u0085", "\u2028", "\u00A0",
                "-", ",", ":", "(", "|", "•", "·", "—", "–", "_", "1", "2", "9", "\u0301", "é", "😀", "x", "\r\n"};
        Random rnd = new Random(20261129);
        for (int k = 0; k < 300_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(24);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet[rnd.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            assertThat(BylineCut.apply(s)).as("%s", s.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(reference(s));
        }
    }
}
