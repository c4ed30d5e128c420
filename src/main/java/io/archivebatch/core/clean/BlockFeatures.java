package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;
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
 */
public record BlockFeatures(int words, int stopwords, int chars, boolean terminal, double capitalized, int lines) {

    public double stopwordDensity() {
        return words == 0 ? 0 : (double) stopwords / words;
    }

    public static BlockFeatures of(Block block, Set<String> stopwordSet) {
        String text = block.text();
        int words = 0;
        int stop = 0;
        int caps = 0;
        int i = 0;
        int n = text.length();
        StringBuilder w = new StringBuilder(24);
        while (i < n) {
            int cp = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp) || cp == '_' || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (wordChar) {
                if (w.length() == 0 && Character.isUpperCase(cp)) {
                    caps++;
                }
                w.appendCodePoint(cp);
            }
            if (!wordChar || i + Character.charCount(cp) >= n) {
                if (w.length() > 0) {
                    words++;
                    if (stopwordSet.contains(w.toString().toLowerCase(Locale.ROOT))) {
                        stop++;
                    }
                    w.setLength(0);
                }
            }
            i += Character.charCount(cp);
        }
        int lines = 1;
        for (int k = 0; k < n; k++) {
            if (text.charAt(k) == '\n') {
                lines++;
            }
        }
        return new BlockFeatures(words, stop, n, isTerminal(text), words == 0 ? 0 : (double) caps / words, lines);
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
