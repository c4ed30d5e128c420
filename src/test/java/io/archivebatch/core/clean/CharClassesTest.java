package io.archivebatch.core.clean;

import io.archivebatch.core.text.CharTable;
import io.archivebatch.core.text.Tokens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written character tests of the hot path agree with the JDK's tables on every character they cover. */
class CharClassesTest {

    @Test
    void droppedCharactersAreTheControlsAndTheZeroWidthOnes() {
        String zeroWidth = "\u200B\u2060\uFEFF\u00AD\u180E\u200E\u200F";
        int dropped = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            boolean expected = Character.getType(c) == Character.CONTROL || zeroWidth.indexOf(c) >= 0;
            assertThat(TextNormalizer.isDropped((char) c)).as("U+%04X", c).isEqualTo(expected);
            dropped += expected ? 1 : 0;
        }
        assertThat(dropped).isEqualTo(65 + 7);
    }

    @Test
    void spacesAreTheSpaceSeparators() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertThat(TextNormalizer.isSpace((char) c)).as("U+%04X", c).isEqualTo(Character.isSpaceChar(c));
        }
    }

    @Test
    void theCharTableAgreesWithCharacterOnEveryBmpCharacter() {
        int words = 0;
        int letters = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int f = CharTable.flags((char) c);
            boolean word = Character.isLetterOrDigit(c) || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK;
            assertThat((f & CharTable.WORD) != 0).as("word U+%04X", c).isEqualTo(word);
            assertThat((f & CharTable.TOKEN) != 0).as("token U+%04X", c).isEqualTo(Tokens.isWordChar(c));
            assertThat((f & CharTable.UPPER) != 0).as("upper U+%04X", c).isEqualTo(Character.isUpperCase(c));
            assertThat((f & CharTable.DIGIT) != 0).as("digit U+%04X", c).isEqualTo(Character.isDigit(c));
            assertThat((f & CharTable.LETTER) != 0).as("letter U+%04X", c).isEqualTo(Character.isLetter(c));
            assertThat((f & CharTable.WHITESPACE) != 0).as("space U+%04X", c).isEqualTo(Character.isWhitespace(c));
            assertThat((f & CharTable.HIGH_SURROGATE) != 0).as("high U+%04X", c).isEqualTo(Character.isHighSurrogate((char) c));
            assertThat((int) CharTable.lower((char) c)).as("lower U+%04X", c).isEqualTo(Character.toLowerCase(c));
            // what the branch-free counts rely on: digits, letters and white space do not overlap
            assertThat(Integer.bitCount(f & (CharTable.DIGIT | CharTable.LETTER | CharTable.WHITESPACE))).isLessThanOrEqualTo(1);
            words += word ? 1 : 0;
            letters += Character.isLetter(c) ? 1 : 0;
        }
        assertThat(words).isGreaterThan(40_000);
        assertThat(letters).isGreaterThan(40_000);
    }

    @Test
    void tokensAndCountsHandleSupplementaryAndLoneSurrogates() {
        // U+1D400 MATHEMATICAL BOLD CAPITAL A (a letter), U+1F600 (an emoji), lone halves of pairs
        String text = "Ab \uD835\uDC00x \uD83D\uDE00 c\uD800d \uDC00e İSTANBUL";
        assertThat(Tokens.words(text)).containsExactly("ab", "\uD835\uDC00x", "c", "d", "e", "istanbul");
        assertThat(Tokens.count(text)).isEqualTo(6);
    }

    @Test
    void theBlockFeaturesCountWordsAsTokensCountDoes() throws Exception {
        // the features' scan hands its count to the block (Block.wordCount): it must be Tokens.count's
        int[] blocks = {0};
        int[] nonAscii = {0};
        io.archivebatch.Corpus.forEachWcxbDumpBlocks((f, dumpBlocks) -> {
            for (io.archivebatch.core.model.Block b : dumpBlocks) {
                int features = BlockFeatures.of(b, java.util.Set.of()).words();
                assertThat(features).as("%s block %d", f.getFileName(), b.index()).isEqualTo(Tokens.count(b.text()));
                assertThat(b.wordCount()).isEqualTo(features);
                blocks[0]++;
                nonAscii[0] += b.text().chars().anyMatch(c -> c >= 128) ? 1 : 0;
            }
        });
        assertThat(blocks[0]).isGreaterThan(100_000);
        assertThat(nonAscii[0]).as("blocks of other scripts than Latin ASCII").isGreaterThan(10_000);
    }
}
