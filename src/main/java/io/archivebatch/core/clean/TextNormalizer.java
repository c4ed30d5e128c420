package io.archivebatch.core.clean;

import io.archivebatch.core.text.Mojibake;

import java.text.Normalizer;

/**
 * Normalizes decoded text before segmentation: double-encoded UTF-8 repaired ({@link Mojibake}), line ends to LF, Unicode NFC, zero-width and control characters
 * removed, every kind of space to a plain space, runs of spaces collapsed, lines trimmed, runs of blank lines
 * collapsed to one. ZWNJ/ZWJ (U+200C/U+200D) are kept: Persian, Indic scripts and emoji need them.
 */
public final class TextNormalizer {

    public String normalize(String raw) {
        String text = Mojibake.repair(raw);
        String s = belowCombiningMarks(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        StringBuilder line = new StringBuilder(128);
        int blankRun = 0;
        boolean any = false;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '\n';
            if (c == '\r') {
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                int end = line.length();
                while (end > 0 && line.charAt(end - 1) == ' ') {
                    end--;
                }
                line.setLength(end);
                if (line.length() == 0) {
                    blankRun++;
                } else {
                    if (any) {
                        out.append(blankRun > 0 ? "\n\n" : "\n");
                    }
                    out.append(line);
                    any = true;
                    blankRun = 0;
                }
                line.setLength(0);
                continue;
            }
            if (c > ' ' && c < 0x7F) {
                line.append(c);
                continue;
            }
            if (isDropped(c)) {
                continue;
            }
            if (c == '\t' || Character.isSpaceChar(c) || c == '\u000B' || c == '\f') {
                if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                    line.append(' ');
                }
                continue;
            }
            line.append(c);
        }
        return out.toString();
    }

    /** Text without any character from U+0300 on is NFC already (no combining marks, no singletons). */
    private static boolean belowCombiningMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDropped(char c) {
        switch (c) {
            case '\u200B', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u200E', '\u200F':
                return true;
            default:
                return Character.getType(c) == Character.CONTROL;
        }
    }
}
