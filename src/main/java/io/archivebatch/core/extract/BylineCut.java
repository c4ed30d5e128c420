package io.archivebatch.core.extract;

import io.archivebatch.core.text.CharTable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a byline's name at the first separator, time, role word or parenthesis: exactly
 * {@code CUT.matcher(name).replaceFirst("")} for {@link #CUT}, without asking the pattern at every position.
 * <p>
 * {@code CUT.find()} tries sixteen case-insensitive alternatives at every position of the name, 100-150 ns a
 * character (4% of the cleaning's time on Tehran Times pages, which have a byline each). A match runs to the end
 * ({@code .*$}, before a final line terminator), so what is cut depends only on where the leftmost match starts.
 * That start is the beginning of the whitespace run before the leftmost position at which an alternative matches
 * (the leading {@code \s*} takes no other characters), so this asks the alternatives ({@link #ALTERNATIVES}, the
 * pattern without its {@code \s*}) only at the positions whose first two characters could begin one of them, with
 * transparent bounds so that {@code \b} sees the character before. Characters are compared as the pattern compares
 * them under {@code (?iu)}: folded by {@code toLowerCase(toUpperCase(c))}, so "İ" and "ı" can begin "in".
 */
final class BylineCut {

    /** The reference: what is cut from a byline's name (from the separator to the end). */
    static final Pattern CUT = Pattern.compile(
            "(?iu)\\s*(\\||•|·|—|–| - |,? on |,? updated|,? published|,? posted|\\bphoto|\\bfor\\b|\\bin\\b|\\bat\\b|\\d{1,2}:\\d\\d|\\(|\\d+ min).*$");
    /** {@link #CUT} without its leading {@code \s*}. */
    private static final Pattern ALTERNATIVES = Pattern.compile(
            "(?iu)(\\||•|·|—|–| - |,? on |,? updated|,? published|,? posted|\\bphoto|\\bfor\\b|\\bin\\b|\\bat\\b|\\d{1,2}:\\d\\d|\\(|\\d+ min).*$");

    private BylineCut() {
    }

    /** {@code CUT.matcher(name).replaceFirst("")}. */
    static String apply(String name) {
        int n = name.length();
        Matcher m = null;
        for (int q = 0; q < n; q++) {
            if (!mayStart(name, q, n)) {
                continue;
            }
            if (m == null) {
                m = ALTERNATIVES.matcher(name).useTransparentBounds(true);
            }
            m.region(q, n);
            if (m.lookingAt()) {
                int p = q;
                while (p > 0 && CharTable.isRegexSpace(name.charAt(p - 1))) {
                    p--;
                }
                return name.substring(0, p) + name.substring(m.end()); // a final line terminator stays
            }
        }
        return name;
    }

    /**
     * Whether an alternative could match at {@code q}: its first character, and for those of two or more characters
     * the second one, folded. Never false where one matches (a false candidate only costs a look).
     */
    private static boolean mayStart(String s, int q, int n) {
        char c = s.charAt(q);
        switch (c) {
            case '|', '•', '·', '—', '–', '(', ',' -> {
                return true;
            }
            default -> {
            }
        }
        if (c >= '0' && c <= '9') {
            return true;
        }
        if (q + 1 >= n) {
            return false; // every other alternative has two characters or more
        }
        char d = fold(s.charAt(q + 1));
        if (c == ' ') {
            return d == '-' || d == 'o' || d == 'u' || d == 'p'; // " - ", " on ", " updated", " published", " posted"
        }
        return switch (fold(c)) {
            case 'p' -> d == 'h'; // photo
            case 'f' -> d == 'o'; // for
            case 'i' -> d == 'n'; // in
            case 'a' -> d == 't'; // at
            default -> false;
        };
    }

    /** How {@code (?iu)} compares a character with a pattern's letter. */
    private static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
