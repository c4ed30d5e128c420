package io.archivebatch.core;

import io.archivebatch.Corpus;
import io.archivebatch.core.clean.BlockFeatures;
import io.archivebatch.core.clean.TextNormalizer;
import io.archivebatch.core.model.Block;
import io.archivebatch.core.text.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The character scanners of the hot path (normalizer, tokenizer, block features) on edge cases and real text. */
class TextScanningTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void normalizerJoinsLinesTrimsSpacesAndKeepsOneBlankLine() {
        String raw = "  Title\u00a0\u00a0here  \r\n\r\n\r\n\t Body\u200b text\u2028next\u00ad line \r"
                + "end\u0085\n   \n \u3000 \nlast\u0007 ";
        assertThat(normalizer.normalize(raw)).isEqualTo("Title here\n\nBody text\nnext line\nend\n\nlast");
        // the end of the text ends the last line: its trailing spaces go, a lone CR is a line end
        assertThat(normalizer.normalize("a  b \r")).isEqualTo("a b");
        assertThat(normalizer.normalize("  lead\n\n\n  trail  ")).isEqualTo("lead\n\ntrail");
        assertThat(normalizer.normalize("x\u00a0")).isEqualTo("x");
    }

    @Test
    void normalizerTurnsTabsIntoSpacesInsteadOfJoiningWords() {
        // Tehran Times: "... the unity of mankind. 1-\tThe Universality of Muhammad"
        assertThat(normalizer.normalize("mankind. 1-\tThe Universality\u000Bof\fMuhammad\t\t \n\tNext"))
                .isEqualTo("mankind. 1- The Universality of Muhammad\nNext");
    }

    @Test
    void normalizerGivesEmptyTextForBlankInputAndKeepsJoiners() {
        assertThat(normalizer.normalize(" \n\r\n\t\u200b\n")).isEmpty();
        assertThat(normalizer.normalize("")).isEmpty();
        // ZWNJ stays (Persian), a decomposed é is composed (NFC), astral characters pass whole
        assertThat(normalizer.normalize("می\u200cخواهم e\u0301t\u00e9 \ud83d\ude00!"))
                .isEqualTo("می\u200cخواهم \u00e9t\u00e9 \ud83d\ude00!");
    }

    @Test
    void tokensMatchTheScoringRegexOnARealDump() throws Exception {
        String text = Files.readString(Corpus.wcxbDev().resolve("dumps").resolve("0468.txt"));
        // the scoring rule: lowercase, then \w+ as Python reads it (letters, digits, marks, connector punctuation)
        Matcher m = Pattern.compile("[\\p{L}\\p{N}\\p{M}\\p{Pc}]+").matcher(text.toLowerCase(java.util.Locale.ROOT));
        List<String> expected = new java.util.ArrayList<>();
        while (m.find()) {
            expected.add(m.group());
        }
        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(Tokens.words(text)).isEqualTo(expected);
        assertThat(Tokens.words(text, 10)).isEqualTo(expected.subList(0, 10));
    }

    @Test
    void tokensAndCountsOnEdgeCases() {
        assertThat(Tokens.words("Ünïcode-Wörter, DIGITS 42_x \ud835\udc00bc! naïve")).containsExactly(
                "ünïcode", "wörter", "digits", "42_x", "\ud835\udc00bc", "naïve"); // mathematical bold A has no lower case
        assertThat(Tokens.count("Ünïcode-Wörter, DIGITS 42_x \ud835\udc00bc! naïve")).isEqualTo(6);
        assertThat(Tokens.count("")).isZero();
        assertThat(Tokens.count("... --- !!!")).isZero();
        assertThat(Tokens.count("one")).isEqualTo(1);
    }

    @Test
    void blockFeaturesCountCharClassesAsCharacterDoesOnRealPages() throws Exception {
        long[] chars = {0};
        io.archivebatch.Corpus.forEachWcxbDumpBlocks((f, blocks) -> {
            for (Block b : blocks) {
                int digits = 0;
                int letters = 0;
                int upper = 0;
                int punct = 0;
                for (char c : b.text().toCharArray()) {
                    digits += Character.isDigit(c) ? 1 : 0;
                    letters += Character.isLetter(c) ? 1 : 0;
                    upper += Character.isLetter(c) && Character.isUpperCase(c) ? 1 : 0;
                    punct += Character.isDigit(c) || Character.isLetter(c) || Character.isWhitespace(c) ? 0 : 1;
                }
                BlockFeatures bf = BlockFeatures.of(b, Set.of());
                String at = f.getFileName() + " block " + b.index();
                assertThat(new int[]{bf.digits(), bf.letters(), bf.upperLetters(), bf.punctuation()}).as(at)
                        .containsExactly(digits, letters, upper, punct);
                chars[0] += b.text().length();
            }
        });
        assertThat(chars[0]).isGreaterThan(3_000_000);
    }

    /** Digits, letters, upper-case letters and punctuation of each char by itself, as {@code Character} says. */
    private static int[] charClasses(String text) {
        int[] n = new int[4];
        for (char c : text.toCharArray()) {
            n[0] += Character.isDigit(c) ? 1 : 0;
            n[1] += Character.isLetter(c) ? 1 : 0;
            n[2] += Character.isLetter(c) && Character.isUpperCase(c) ? 1 : 0;
            n[3] += Character.isDigit(c) || Character.isLetter(c) || Character.isWhitespace(c) ? 0 : 1;
        }
        return n;
    }

    /** Blocks longer than the counters' lanes hold (65,535 of one class) are counted whole. */
    @Test
    void blockFeaturesCountCharClassesPastTheirLanesInALongBlock() {
        List<String> texts = List.of("1234567890".repeat(20_000), "!".repeat(200_000), "ABCDE".repeat(40_000),
                "x\ud83d\ude00".repeat(70_000), "\ud83d\ude00".repeat(100_000) + "9", "Aa1. ".repeat(50_000));
        for (String t : texts) {
            BlockFeatures bf = BlockFeatures.of(new Block(0, t), Set.of());
            assertThat(new int[]{bf.digits(), bf.letters(), bf.upperLetters(), bf.punctuation()})
                    .as("%s (%d chars)", t.substring(0, 6), t.length()).containsExactly(charClasses(t));
        }
    }

    @Test
    void blockFeaturesCountWordsStopwordsCapitalsAndLines() {
        BlockFeatures f = BlockFeatures.of(new Block(0, "The Mayor of Zürich said\nthat the plan works."),
                Set.of("the", "of", "that"));
        assertThat(f.words()).isEqualTo(9);
        assertThat(f.stopwords()).isEqualTo(4);
        assertThat(f.capitalized()).isEqualTo(3.0 / 9);
        assertThat(f.lines()).isEqualTo(2);
        assertThat(f.terminal()).isTrue();
        // no non-ASCII word character (curly quotes only): the stopwords are read from the block's cached tokens
        BlockFeatures ascii = BlockFeatures.of(new Block(0, "The Mayor of ZURICH said\n“that” the plan_b works."),
                Set.of("the", "of", "that", "plan_b"));
        assertThat(ascii.words()).isEqualTo(9);
        assertThat(ascii.stopwords()).isEqualTo(5);
        assertThat(ascii.capitalized()).isEqualTo(3.0 / 9);
        BlockFeatures classes = BlockFeatures.of(new Block(0, "Fig. 2: AB-12 \ud835\udc00x ok"), Set.of());
        assertThat(classes.digits()).isEqualTo(3);
        assertThat(classes.letters()).isEqualTo(8); // "Fig", "AB", "x", "ok": a surrogate pair's halves are no letters
        assertThat(classes.upperLetters()).isEqualTo(3);
        assertThat(classes.punctuation()).isEqualTo(5); // ". : - " and the pair's two halves
        BlockFeatures tail = BlockFeatures.of(new Block(1, "Read more: İstanbul"), Set.of("more"));
        assertThat(tail.words()).isEqualTo(3);
        assertThat(tail.stopwords()).isEqualTo(1);
        assertThat(tail.terminal()).isFalse();
    }
}
