package io.archivebatch.core.text;

import java.util.ArrayList;
import java.util.List;

/** Word tokens as the scoring rules define them: lowercase, Unicode {@code \w+}. */
public final class Tokens {
    private Tokens() {
    }

    public static List<String> words(String text) {
        return words(text, Integer.MAX_VALUE);
    }

    /**
     * At most {@code max} lowercase word tokens (letters, digits, marks, '_'), by a hand-written scanner: the same
     * tokens as {@code \\w+} on lowercased text, several times faster than the regex on long pages. The classes and
     * lower case of BMP characters come from {@link CharTable}.
     */
    public static List<String> words(String text, int max) {
        List<String> out = new ArrayList<>();
        char[] t = text.toCharArray(); // no per-character bounds check of String.charAt on UTF-16 text
        int n = t.length;
        int i = 0;
        char[] w = new char[32];
        int len = 0;
        while (i < n && out.size() < max) {
            char c = t[i];
            int f = CharTable.flags(c);
            if ((f & CharTable.HIGH_SURROGATE) != 0 && CharTable.pairAt(t, i)) {
                int cp = Character.toCodePoint(c, t[i + 1]);
                if (isWordChar(cp)) {
                    if (len + 2 > w.length) {
                        w = java.util.Arrays.copyOf(w, w.length * 2);
                    }
                    len += Character.toChars(Character.toLowerCase(cp), w, len);
                } else if (len > 0) {
                    out.add(new String(w, 0, len));
                    len = 0;
                }
                i += 2;
                continue;
            }
            if ((f & CharTable.TOKEN) != 0) {
                if (len == w.length) {
                    w = java.util.Arrays.copyOf(w, len * 2);
                }
                w[len++] = CharTable.lower(c);
            } else if (len > 0) {
                out.add(new String(w, 0, len));
                len = 0;
            }
            i++;
        }
        if (len > 0 && out.size() < max) {
            out.add(new String(w, 0, len));
        }
        return out;
    }

    /**
     * A character of a counted word ({@link #count}, the output's {@code word_count}, and the block features' word
     * count): letters, digits, '_' and non-spacing marks.
     */
    public static boolean isCountedChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    /** A character of a {@code \\w+} token: letters, digits, marks, connector punctuation. */
    public static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == '_') {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK
                || t == Character.CONNECTOR_PUNCTUATION;
    }

    /**
     * The words of a text: runs of letters, digits, '_' and non-spacing marks. A word starts where a word character
     * follows a non-word one, counted without a branch (n += w AND NOT previous): about twice as fast as testing it,
     * since whether a character starts a word is what a branch predictor cannot guess in prose.
     */
    public static int count(String text) {
        char[] t = text.toCharArray();
        int n = 0;
        int in = 0;
        for (int i = 0; i < t.length; ) {
            char c = t[i];
            int f = CharTable.flags(c);
            int w;
            if ((f & CharTable.HIGH_SURROGATE) != 0 && CharTable.pairAt(t, i)) {
                int cp = Character.toCodePoint(c, t[i + 1]);
                w = isCountedChar(cp) ? 1 : 0;
                i += 2;
            } else {
                w = f & CharTable.WORD; // WORD is bit 0: 1 or 0
                i++;
            }
            n += w & (in ^ 1);
            in = w;
        }
        return n;
    }
}
