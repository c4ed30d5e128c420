package io.archivebatch.core.clean;

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
    void asciiClassesAgreeWithCharacter() {
        for (char c = 0; c < 128; c++) {
            int expected = Character.isDigit(c) ? BlockModel.DIGIT
                    : Character.isLetter(c) ? (Character.isUpperCase(c) ? BlockModel.UPPER : BlockModel.LOWER)
                    : Character.isWhitespace(c) ? BlockModel.SPACE : BlockModel.OTHER;
            assertThat(BlockModel.asciiClass(c)).as("U+%04X", (int) c).isEqualTo(expected);
        }
    }
}
