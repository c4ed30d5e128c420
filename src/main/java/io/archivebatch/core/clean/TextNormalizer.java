package io.archivebatch.core.clean;

import io.archivebatch.core.text.Mojibake;

import java.text.Normalizer;

/**
 * Normalizes decoded text before segmentation: double-encoded UTF-8 repaired ({@link Mojibake}), line ends to LF, Unicode NFC, zero-width and control characters
 * removed, every kind of space (tabs, vertical tabs and form feeds included) to a plain space, runs of spaces collapsed, lines trimmed, runs of blank lines
 * collapsed to one. ZWNJ/ZWJ (U+200C/U+200D) are kept: Persian, Indic scripts and emoji need them.
 */
public final class TextNormalizer {

    public String normalize(String raw) {
        return normalizeToChars(raw).string();
    }

    /**
     * Normalized text in an array this thread keeps: {@code chars[0, length)}, valid until the thread normalizes
     * again (through any normalizer). For a caller that reads it before it makes a string of it, or instead.
     */
    public record Chars(char[] chars, int length) {
        public String string() {
            return new String(chars, 0, length);
        }
    }

    /** {@link #normalize} into this thread's array, no string made. */
    public Chars normalizeToChars(String raw) {
        // one pass over a char array into a char array (String.charAt on UTF-16 text keeps a bounds check per
        // character); a line's separator is written when its first visible character comes, so an empty line
        // never reaches the output, and its trailing spaces are cut when it ends. Visible ASCII and plain spaces
        // inside a line are tested first, and the loop stops at the last character (the end of the text is not
        // read as a line end inside it): on Tehran Times text this made the loop about 1.3-1.5x faster.
        // The text is normalized as it is; what the loop saw tells whether it was double-encoded UTF-8 or not NFC,
        // and then it is normalized again, repaired first (rare: the separate pass that looked for those
        // characters first was a pass over every text)
        Buffer[] scratch = SCRATCH.get();
        String text = raw;
        int n = text.length();
        char[] in = scratch[0].fit(n);
        text.getChars(0, n, in, 0);
        char[] out = scratch[1].fit(n + 2);
        long r = normalize(in, n, out);
        int found = (int) (r >>> 32);
        if ((found & MOJIBAKE_LEAD) != 0) { // else Mojibake.repair finds nothing to repair
            text = Mojibake.repair(raw);
            if (text != raw) {
                n = text.length();
                in = scratch[0].fit(n);
                text.getChars(0, n, in, 0);
                out = scratch[1].fit(n + 2);
                r = normalize(in, n, out);
                found = (int) (r >>> 32);
            }
        }
        if ((found & MAYBE_NOT_NFC) != 0 && !Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
            n = nfc.length();
            in = scratch[0].fit(n);
            nfc.getChars(0, n, in, 0);
            out = scratch[1].fit(n + 2);
            r = normalize(in, n, out);
        }
        return new Chars(out, (int) r);
    }

    /**
     * The normalizing loop, from {@code in[0, n)} into {@code out}: the length written, and in the high 32 bits what
     * it met ({@link #MOJIBAKE_LEAD}, {@link #MAYBE_NOT_NFC}).
     */
    private static long normalize(char[] in, int n, char[] out) {
        int found = 0;
        int len = 0;
        int lineStart = -1; // where the current line starts in out, or -1 while it has no visible character
        int blankRun = 0;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (c > ' ' && c < 0x7F && lineStart >= 0) { // most characters: visible ASCII inside a line
                out[len++] = c;
                continue;
            }
            if (c == ' ' && lineStart >= 0) { // then the spaces between words
                if (out[len - 1] != ' ') {
                    out[len++] = ' ';
                }
                continue;
            }
            if (c == '\r') {
                if (i + 1 < n && in[i + 1] == '\n') {
                    continue;
                }
                c = '\n';
            }
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                if (lineStart < 0) {
                    blankRun++;
                } else {
                    while (len > lineStart && out[len - 1] == ' ') {
                        len--;
                    }
                    any = true;
                    blankRun = 0;
                    lineStart = -1;
                }
                continue;
            }
            boolean space = c == ' ';
            if (c < ' ' || c >= 0x7F) {
                // tabs, vertical tabs and form feeds are spaces ("1-\tThe" is "1- The", not "1-The"); the class of
                // the others is looked up: a range test per class made the compiled loop be dropped and compiled
                // again each time a run met a kind of character its first pages did not have
                int kind = RARE[c];
                found |= kind >> 2; // MOJIBAKE_LEAD and MAYBE_NOT_NFC above the class
                kind &= 3;
                if (kind == DROPPED) {
                    continue;
                }
                space = kind == SPACE;
            }
            if (space) {
                if (lineStart >= 0 && out[len - 1] != ' ') {
                    out[len++] = ' ';
                }
                continue;
            }
            if (lineStart < 0) {
                if (any) {
                    out[len++] = '\n';
                    if (blankRun > 0) {
                        out[len++] = '\n';
                    }
                }
                lineStart = len;
            }
            out[len++] = c;
        }
        if (lineStart >= 0) { // the last line: its trailing spaces cut
            while (len > lineStart && out[len - 1] == ' ') {
                len--;
            }
        }
        return (long) found << 32 | len;
    }

    /** a character that can begin a double-encoded UTF-8 sequence ({@link Mojibake#isLead}) */
    private static final int MOJIBAKE_LEAD = 1;
    /**
     * a character that may not be NFC already. Text is NFC already when every character is below U+0300 (no combining
     * marks, no singletons) or general punctuation from U+2002 to U+206F (curly quotes, dashes, ellipsis: no canonical
     * decomposition, never composed with what precedes; U+2000 and U+2001 decompose to U+2002 and U+2003).
     */
    private static final int MAYBE_NOT_NFC = 2;

    /**
     * A work array kept by a thread from one text to the next: a new pair for every document (the text's copy and the
     * output) was fresh memory to zero and fill, and garbage for the collector, for every page of a run. An array
     * for a text past {@value #KEEP} chars is not kept.
     */
    private static final class Buffer {
        private static final int KEEP = 1 << 20;
        private char[] chars = new char[1 << 14];

        /** An array of at least {@code n} chars (its content is not kept). */
        char[] fit(int n) {
            if (n > KEEP) {
                return new char[n];
            }
            if (chars.length < n) {
                chars = new char[Math.max(n, 2 * chars.length)];
            }
            return chars;
        }
    }

    /** Per thread: the text's copy, the output. */
    private static final ThreadLocal<Buffer[]> SCRATCH =
            ThreadLocal.withInitial(() -> new Buffer[]{new Buffer(), new Buffer()});

    private static final byte KEPT = 0;
    private static final byte DROPPED = 1;
    private static final byte SPACE = 2;
    /**
     * per char: {@link #isDropped}, {@link #isSpace}, or neither (bits 0-1; tabs, vertical tabs and form feeds are
     * spaces), and above them {@link #MOJIBAKE_LEAD} and {@link #MAYBE_NOT_NFC} (bits 2-3)
     */
    private static final byte[] RARE = new byte[1 << 16];

    static {
        for (int c = 0; c < RARE.length; c++) {
            char ch = (char) c;
            int kind = ch == '\t' || ch == '\u000B' || ch == '\f' || isSpace(ch) ? SPACE : isDropped(ch) ? DROPPED : KEPT;
            int found = (Mojibake.isLead(ch) ? MOJIBAKE_LEAD : 0)
                    | (ch >= '\u0300' && (ch < '\u2002' || ch > '\u206F') ? MAYBE_NOT_NFC : 0);
            RARE[c] = (byte) (kind | found << 2);
        }
    }

    /** {@link Character#isSpaceChar} (categories Zs, Zl, Zp) by range, for characters from U+007F on. */
    static boolean isSpace(char c) {
        return c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u200A' || c == '\u2028' || c == '\u2029'
                || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == ' ';
    }

    /**
     * Zero-width and format characters, and the controls (category Cc: U+0000–U+001F and U+007F–U+009F; the
     * normalizer turns tabs, vertical tabs and form feeds into spaces before asking), tested by range instead of a
     * table look-up per character (the look-up was 8% of the time on a large run).
     */
    static boolean isDropped(char c) {
        if (c < ' ' || c >= '\u007F' && c <= '\u009F') {
            return true;
        }
        return c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD' || c == '\u180E' || c == '\u200E'
                || c == '\u200F';
    }
}
