package io.archivebatch.core.text;

/**
 * Repairs double-encoded UTF-8 ("cafÃ©", "Investorâ€™s", or with the invisible C1 controls of a Latin-1 decode):
 * text whose UTF-8 bytes were decoded as Latin-1 or Windows-1252 somewhere upstream and encoded again. A run of
 * characters that are, read back as those bytes, one well-formed multi-byte UTF-8 sequence is replaced by the
 * character it encodes, once the text holds a run that cannot be real text: one with a C1 control character
 * (invisible, never typed), or one of three or four characters ("â€™"). Then the two-character runs ("Ã©") are
 * decoded too. A text without such proof is left as it is, since real text holds "ß“" in German and a page about
 * encodings quotes "Ã¤" on purpose; a letter followed by anything but continuation bytes ("é" in "café") never
 * changes.
 */
public final class Mojibake {

    // Windows-1252 bytes 0x80..0x9F as characters (U+FFFD where the code page leaves the byte undefined)
    private static final String CP1252 = "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039"
            + "\u0152\uFFFD\u017D\uFFFD\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153"
            + "\uFFFD\u017E\u0178";

    private Mojibake() {
    }

    /** The text with every double-encoded sequence decoded; the same instance when there is none. */
    public static String repair(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !isLead(s.charAt(i))) {
            i++;
        }
        if (i == n || !anyCertain(s, i)) {
            return s;
        }
        // the text is double-encoded: every well-formed sequence in it is, two-character ones too ("Ã©")
        StringBuilder out = new StringBuilder(n);
        int copied = 0;
        for (; i < n; i++) {
            int len = sequence(s, i);
            if (len > 0) {
                out.append(s, copied, i).appendCodePoint(decode(s, i, len));
                i += len - 1;
                copied = i + 1;
            }
        }
        return out.append(s, copied, n).toString();
    }

    /** Whether a sequence from {@code from} on cannot be real text: it holds a C1 control or is 3–4 characters. */
    private static boolean anyCertain(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            int len = sequence(s, i);
            if (len > 2 || (len == 2 && isC1(s.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@link #repair} could change the text in {@code chars[from, to)}: false when it holds no character a
     * double-encoded sequence begins with ({@link #isLead}), which {@code repair} would return as it is.
     */
    public static boolean mayRepair(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isLead(chars[i])) {
                return true;
            }
        }
        return false;
    }

    /** The length of the well-formed UTF-8 sequence the characters at {@code i} stand for, 0 for none. */
    private static int sequence(String s, int i) {
        char lead = s.charAt(i);
        if (!isLead(lead)) {
            return 0;
        }
        int len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (i + len > s.length()) {
            return 0;
        }
        for (int k = 1; k < len; k++) {
            int b = toByte(s.charAt(i + k));
            if (b < 0x80 || b > 0xBF) {
                return 0;
            }
        }
        int cp = decode(s, i, len);
        // overlong forms and surrogates are not UTF-8
        if (cp < (len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        return len;
    }

    private static int decode(String s, int i, int len) {
        int cp = s.charAt(i) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (int k = 1; k < len; k++) {
            cp = (cp << 6) | (toByte(s.charAt(i + k)) & 0x3F);
        }
        return cp;
    }

    /** Â..ô: the characters that stand for a UTF-8 lead byte read as Latin-1 (where a double-encoded sequence begins). */
    public static boolean isLead(char c) {
        return c >= 0xC2 && c <= 0xF4;
    }

    private static boolean isC1(char c) {
        return c >= 0x80 && c <= 0x9F;
    }

    /** The byte a character stands for under Latin-1 or Windows-1252, -1 for none. */
    private static int toByte(char c) {
        if (c < 0x100) {
            return c;
        }
        int k = c == '\uFFFD' ? -1 : CP1252.indexOf(c);
        return k < 0 ? -1 : 0x80 + k;
    }
}
