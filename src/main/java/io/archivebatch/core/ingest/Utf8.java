package io.archivebatch.core.ingest;

/**
 * Decodes valid UTF-8 into a char array that each thread keeps, then into a string. {@code new String(bytes, UTF_8)}
 * on text with a character past U+00FF (a curly quote) fills an array of one byte per input byte, then one of two, then
 * copies that into one of the string's length: five bytes of fresh memory per input byte, a tenth of everything a
 * run allocated. Here: the kept chars, then the string's own array.
 */
final class Utf8 {

    private Utf8() {
    }

    /** An array past this many chars is not kept for the next text. */
    private static final int KEEP = 1 << 20;

    private static final ThreadLocal<char[][]> SCRATCH = ThreadLocal.withInitial(() -> new char[][]{new char[1 << 14]});

    /**
     * The text of {@code bytes[from..to)}, or null if they are not valid UTF-8 (a byte that cannot start or continue
     * a sequence, a sequence cut short, an overlong form, a surrogate, a code point past U+10FFFF): what
     * {@code new String(bytes, from, to - from, UTF_8)} gives for valid input.
     */
    static String decodeValid(byte[] bytes, int from, int to) {
        int n = to - from;
        char[][] holder = SCRATCH.get();
        char[] out = holder[0];
        if (out.length < n) { // never more chars than bytes
            out = new char[Math.max(n, Math.min(KEEP, 2 * out.length))];
            if (n <= KEEP) {
                holder[0] = out;
            }
        }
        int o = 0;
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                out[o++] = (char) b;
                i++;
                continue;
            }
            b &= 0xFF;
            if (b < 0xC2) { // a continuation byte, or the lead of an overlong two-byte form
                return null;
            }
            if (b < 0xE0) {
                if (i + 1 >= to || !continuation(bytes[i + 1])) {
                    return null;
                }
                out[o++] = (char) ((b & 0x1F) << 6 | bytes[i + 1] & 0x3F);
                i += 2;
            } else if (b < 0xF0) {
                if (i + 2 >= to || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
                    return null;
                }
                int b1 = bytes[i + 1] & 0xFF;
                if (b == 0xE0 && b1 < 0xA0 || b == 0xED && b1 >= 0xA0) { // overlong; a surrogate
                    return null;
                }
                out[o++] = (char) ((b & 0x0F) << 12 | (b1 & 0x3F) << 6 | bytes[i + 2] & 0x3F);
                i += 3;
            } else if (b < 0xF5) {
                if (i + 3 >= to || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])
                        || !continuation(bytes[i + 3])) {
                    return null;
                }
                int b1 = bytes[i + 1] & 0xFF;
                if (b == 0xF0 && b1 < 0x90 || b == 0xF4 && b1 >= 0x90) { // overlong; past U+10FFFF
                    return null;
                }
                int cp = (b & 0x07) << 18 | (b1 & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6 | bytes[i + 3] & 0x3F;
                out[o++] = Character.highSurrogate(cp);
                out[o++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                return null;
            }
        }
        return new String(out, 0, o);
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
