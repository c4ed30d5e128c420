package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;
import io.archivebatch.core.text.CharTable;
import io.archivebatch.core.text.Stopwords;
import io.archivebatch.core.text.Tokens;

import java.util.Locale;
import java.util.Set;

/**
 * What the classifier knows of one block, from its text alone.
 *
 * @param words          \w+ tokens
 * @param stopwords      tokens in the document language's stopword list
 * @param chars          characters
 * @param terminal       ends like a sentence (. ! ? … 。 and closing quotes after them)
 * @param capitalized    share of tokens that start with an upper-case letter
 * @param lines          lines in the block
 * @param digits         UTF-16 chars that are digits ({@link Character#isDigit(char)})
 * @param letters        UTF-16 chars that are letters ({@link Character#isLetter(char)})
 * @param upperLetters   letters among them that are upper case
 * @param punctuation    UTF-16 chars that are neither digits, letters nor white space
 */
public record BlockFeatures(int words, int stopwords, int chars, boolean terminal, double capitalized, int lines,
                            int digits, int letters, int upperLetters, int punctuation) {

    private static final int DIGIT_BIT = Integer.numberOfTrailingZeros(CharTable.DIGIT);
    private static final int LETTER_BIT = Integer.numberOfTrailingZeros(CharTable.LETTER);
    private static final int UPPER_BIT = Integer.numberOfTrailingZeros(CharTable.UPPER);
    private static final int WHITESPACE_BIT = Integer.numberOfTrailingZeros(CharTable.WHITESPACE);

    /** Chars counted in the lanes of one long: each lane gains at most one a char, so this stays below 65,536. */
    private static final int LANE_CHARS = 60_000;
    private static final long PUNCT_ONE = 1L << 48;
    /**
     * By a char's {@link CharTable#flags}: its digit, letter, upper-case letter and punctuation counts (1 or 0) in
     * lanes 0, 1, 2 and 3 of 16 bits (digits, letters and white space are disjoint classes; punctuation is none of
     * them).
     */
    private static final long[] COUNTS = new long[128];

    static {
        for (int f = 0; f < COUNTS.length; f++) {
            long digit = (f >> DIGIT_BIT) & 1;
            long letter = (f >> LETTER_BIT) & 1;
            long space = (f >> WHITESPACE_BIT) & 1;
            COUNTS[f] = digit | letter << 16 | (letter & (f >> UPPER_BIT)) << 32 | (1 - (digit | letter | space)) << 48;
        }
    }

    public double stopwordDensity() {
        return words == 0 ? 0 : (double) stopwords / words;
    }

    public static BlockFeatures of(Block block, Set<String> stopwordSet) {
        String text = block.text();
        char[] t = block.charArray(); // no per-character bounds check of String.charAt on UTF-16 text
        int words = 0;
        int caps = 0;
        int i = block.charsFrom();
        int n = i + text.length();
        int lines = 1;
        int in = 0; // 1 inside a word
        boolean sameTokens = true; // no non-ASCII character that either tokenizer could count as part of a word
        int wide = 0; // 1 once a BMP char from U+0080 on is part of a word or token
        // each UTF-16 char by itself, as Character.isDigit(char) and the others see it; counted without a branch
        // (digits, letters and white space are disjoint classes), in the same pass as the words. A word starts where
        // a word character follows another character: counted without a branch too (n += w AND NOT previous), as
        // Tokens.count does, since a branch predictor cannot guess it in prose
        int digits = 0;
        int letters = 0;
        int upperLetters = 0;
        int punct = 0;
        while (i < n) {
            // the four class counts in 16-bit lanes of one long (one table load and one add a char), added up
            // before a lane can overflow
            long counts = 0;
            for (int end = Math.min(n, i + LANE_CHARS); i < end; ) {
                char c = t[i];
                int f = CharTable.flags(c);
                counts += COUNTS[f];
                int w;
                int upper;
                if ((f & CharTable.HIGH_SURROGATE) != 0 && CharTable.pairAt(t, i, n)) {
                    int cp = Character.toCodePoint(c, t[i + 1]);
                    counts += PUNCT_ONE; // the pair's second char by itself: a low surrogate, no digit, letter or space
                    w = Tokens.isCountedChar(cp) ? 1 : 0;
                    upper = Character.isUpperCase(cp) ? 1 : 0;
                    if (w == 1 || Tokens.isWordChar(cp)) {
                        sameTokens = false;
                    }
                    i += 2;
                } else {
                    w = f & CharTable.WORD; // WORD is bit 0: 1 or 0
                    upper = (f >> UPPER_BIT) & 1;
                    wide |= ((127 - c) >>> 31) & (((f & (CharTable.WORD | CharTable.TOKEN)) + 3) >> 2);
                    lines += c == '\n' ? 1 : 0;
                    i++;
                }
                int start = w & (in ^ 1);
                words += start;
                caps += start & upper;
                in = w;
            }
            digits += (int) (counts & 0xFFFF);
            letters += (int) (counts >>> 16 & 0xFFFF);
            upperLetters += (int) (counts >>> 32 & 0xFFFF);
            punct += (int) (counts >>> 48);
        }
        sameTokens &= wide == 0;
        block.knownWordCount(words); // the same word characters and starts as Tokens.count
        int stop = sameTokens ? stopwords(block, stopwordSet) : stopwordsByScan(t, block.charsFrom(), n, stopwordSet);
        return new BlockFeatures(words, stop, text.length(), isTerminal(text), words == 0 ? 0 : (double) caps / words, lines,
                digits, letters, upperLetters, punct);
    }

    /**
     * Stopwords among the block's cached tokens: where the text has no non-ASCII word character, {@link Tokens} cuts
     * and lower-cases the words exactly as {@link #stopwordsByScan} does.
     */
    private static int stopwords(Block block, Set<String> stopwordSet) {
        long bit = Stopwords.get().bitOf(stopwordSet);
        int stop = 0;
        if (bit != 0) { // one of the shipped lists: the words' masks tell, each word looked up once per document
            io.archivebatch.core.text.DocumentWords words = block.vocabulary();
            for (int id : block.wordIds()) {
                stop += (words.stopwordMask(id) & bit) != 0 ? 1 : 0;
            }
            return stop;
        }
        for (String w : block.words()) {
            if (stopwordSet.contains(w)) {
                stop++;
            }
        }
        return stop;
    }

    /**
     * Stopwords of the chars {@code t[from, n)} by this class's own word boundaries, each word lower-cased by
     * {@link String#toLowerCase}.
     */
    private static int stopwordsByScan(char[] t, int from, int n, Set<String> stopwordSet) {
        int stop = 0;
        int i = from;
        int wordStart = -1;
        while (i < n) {
            char c = t[i];
            int cp = Character.isHighSurrogate(c) ? Character.codePointAt(t, i, n) : c;
            int size = Character.charCount(cp);
            boolean wordChar = c < 128
                    ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    : Tokens.isCountedChar(cp);
            if (wordChar && wordStart < 0) {
                wordStart = i;
            }
            if (!wordChar || i + size >= n) {
                if (wordStart >= 0) {
                    int end = wordChar ? i + size : i;
                    if (stopwordSet.contains(new String(t, wordStart, end - wordStart).toLowerCase(Locale.ROOT))) {
                        stop++;
                    }
                    wordStart = -1;
                }
            }
            i += size;
        }
        return stop;
    }

    public static boolean isTerminalText(String text) {
        return isTerminal(text);
    }

    static boolean isTerminal(String text) {
        int end = text.length() - 1;
        while (end >= 0 && "\"'”’»)]*".indexOf(text.charAt(end)) >= 0) {
            end--;
        }
        if (end < 0) {
            return false;
        }
        char c = text.charAt(end);
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？' || c == '؟' || c == '।';
    }

    /** Count tokens the same way the scorer does (used for word_count). */
    public static int countWords(String text) {
        return Tokens.count(text);
    }
}
