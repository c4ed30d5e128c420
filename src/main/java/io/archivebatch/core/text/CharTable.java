package io.archivebatch.core.text;

/**
 * What {@link Character} says of each character of the Basic Multilingual Plane, read once into two arrays (192 KB)
 * for the scanning loops of the tokenizer and the block features. A table lookup is one load where
 * {@code Character.isLetterOrDigit} and the like dispatch on the character's block to one of several
 * {@code CharacterData} classes; in a compiled loop, each class seen for the first time (a Cyrillic letter after
 * Latin ones, an emoji) threw the compiled code away and had it compiled again. Supplementary characters (a
 * surrogate pair) are not in the table: the loops ask {@link Character} for them.
 */
public final class CharTable {
    private CharTable() {
    }

    /** {@link Tokens#isCountedChar}: a word character of {@link Tokens#count} and the block features. */
    public static final int WORD = 1;
    /** A character of a {@code \w+} token ({@link Tokens#isWordChar}): WORD and other marks, connector punctuation. */
    public static final int TOKEN = 2;
    /** {@link Character#isUpperCase(int)}. */
    public static final int UPPER = 4;
    /** A high surrogate: with a low one after it, a supplementary character the loops look up themselves. */
    public static final int HIGH_SURROGATE = 8;
    /** {@link Character#isDigit(int)}. */
    public static final int DIGIT = 16;
    /** {@link Character#isLetter(int)}. */
    public static final int LETTER = 32;
    /** {@link Character#isWhitespace(int)}. */
    public static final int WHITESPACE = 64;

    private static final byte[] FLAGS = new byte[Character.MAX_VALUE + 1];
    private static final char[] LOWER = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int f = 0;
            if (Tokens.isCountedChar(c)) {
                f |= WORD;
            }
            if (Tokens.isWordChar(c)) {
                f |= TOKEN;
            }
            if (Character.isUpperCase(c)) {
                f |= UPPER;
            }
            if (Character.isHighSurrogate((char) c)) {
                f |= HIGH_SURROGATE;
            }
            if (Character.isDigit(c)) {
                f |= DIGIT;
            }
            if (Character.isLetter(c)) {
                f |= LETTER;
            }
            if (Character.isWhitespace(c)) {
                f |= WHITESPACE;
            }
            FLAGS[c] = (byte) f;
            int lower = Character.toLowerCase(c);
            if (lower > Character.MAX_VALUE) {
                // not so in any Unicode version Java has shipped; the loops rely on it
                throw new IllegalStateException("U+" + Integer.toHexString(c) + " lower-cases outside the BMP");
            }
            LOWER[c] = (char) lower;
        }
    }

    /** What {@code \\s} matches in a regular expression without UNICODE_CHARACTER_CLASS: ASCII white space. */
    public static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The flags ({@link #WORD}, {@link #TOKEN}, {@link #UPPER}, {@link #DIGIT}...) of a BMP character. */
    public static int flags(char c) {
        return FLAGS[c];
    }

    /** {@link Character#toLowerCase(int)} of a BMP character. */
    public static char lower(char c) {
        return LOWER[c];
    }

    /** Whether a supplementary character starts at {@code i}: a high surrogate with a low one after it. */
    public static boolean pairAt(char[] t, int i) {
        return pairAt(t, i, t.length);
    }

    /** {@link #pairAt(char[], int)} in the chars {@code t[..end)}. */
    public static boolean pairAt(char[] t, int i, int end) {
        return i + 1 < end && Character.isLowSurrogate(t[i + 1]);
    }
}
