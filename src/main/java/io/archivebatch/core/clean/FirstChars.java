package io.archivebatch.core.clean;

import java.util.Arrays;
import java.util.Set;

/**
 * The characters a rule's match can begin with ({@link RegexFacts#firstChars}), case-folded: a block that begins with
 * none of them is turned down without a {@link java.util.regex.Matcher}. Most rules begin with a few words ("share",
 * "follow us", "advertisement"...), and most blocks begin with a letter that starts none of them.
 */
final class FirstChars {

    /** In a set of first characters: any digit ({@link Character#isDigit(int)}, what {@code \d} matches). */
    static final int DIGIT = -1;

    /** Any character may begin a match: nothing is turned down. */
    static final FirstChars ANY = new FirstChars(null);

    /** ASCII code points, one bit each */
    private final long low;
    private final long high;
    /** the others, sorted; null for {@link #ANY} */
    private final int[] others;
    private final boolean digits;

    private FirstChars(Set<Integer> folded) {
        long lo = 0;
        long hi = 0;
        int[] rest = folded == null ? null : new int[0];
        boolean digit = false;
        if (folded != null) {
            for (int cp : folded) {
                if (cp == DIGIT) {
                    digit = true;
                } else if (cp < 64) {
                    lo |= 1L << cp;
                } else if (cp < 128) {
                    hi |= 1L << (cp - 64);
                } else {
                    rest = Arrays.copyOf(rest, rest.length + 1);
                    rest[rest.length - 1] = cp;
                }
            }
            Arrays.sort(rest);
        }
        low = lo;
        high = hi;
        others = rest;
        digits = digit;
    }

    /** @param folded case-folded code points ({@link RegexFacts#foldCodePoint}), and {@link #DIGIT} for any digit */
    static FirstChars of(Set<Integer> folded) {
        return new FirstChars(folded);
    }

    boolean isAny() {
        return others == null;
    }

    /**
     * Whether a match may begin with this code point: {@code java.util.regex} compares a literal's folded code point
     * with the text's code point and with its fold ({@code Pattern.SingleU}), so either may be listed.
     *
     * @param cp     the block's first code point
     * @param folded its {@link RegexFacts#foldCodePoint}
     */
    boolean mayBegin(int cp, int folded) {
        return others == null || holds(cp) || holds(folded) || digits && Character.isDigit(cp);
    }

    private boolean holds(int cp) {
        if (cp < 64) {
            return (low & 1L << cp) != 0;
        }
        if (cp < 128) {
            return (high & 1L << (cp - 64)) != 0;
        }
        return Arrays.binarySearch(others, cp) >= 0;
    }
}
