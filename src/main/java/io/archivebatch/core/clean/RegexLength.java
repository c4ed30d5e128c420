package io.archivebatch.core.clean;

/**
 * The most code points any match of a regular expression can span, read from its source: a rule must match a whole
 * block, so a block longer than that cannot match and is not tried (a rule such as {@code .{0,200}\b(we use
 * cookies|...)\b.{0,400}} otherwise backtracks through every long paragraph). Handles the {@link java.util.regex.Pattern}
 * syntax rules use — literals, escapes, classes, groups, alternation and bounded quantifiers; an unbounded quantifier,
 * a back-reference or anything it does not know gives {@link #UNBOUNDED}, which filters nothing. Case-insensitive
 * matching in {@code java.util.regex} compares one code point with one code point, so literals count one each.
 */
final class RegexLength {

    static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String re;
    private int pos;

    private RegexLength(String re) {
        this.re = re;
    }

    /** The longest match in code points, or {@link #UNBOUNDED}. */
    static int maxCodePoints(String regex) {
        try {
            RegexLength p = new RegexLength(regex);
            long max = p.alternation();
            if (p.pos != regex.length()) {
                return UNBOUNDED; // an unbalanced ')' or something unread
            }
            return max >= UNBOUNDED ? UNBOUNDED : (int) max;
        } catch (Unknown | IndexOutOfBoundsException e) {
            return UNBOUNDED;
        }
    }

    /** A construct this reader does not bound. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    private long alternation() {
        long max = sequence();
        while (pos < re.length() && re.charAt(pos) == '|') {
            pos++;
            max = Math.max(max, sequence());
        }
        return max;
    }

    private long sequence() {
        long sum = 0;
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            long atom = atom();
            sum = cap(sum + quantified(atom));
        }
        return sum;
    }

    private long atom() {
        char c = re.charAt(pos);
        switch (c) {
            case '(':
                return group();
            case '[':
                skipClass();
                return 1;
            case '\\':
                return escape();
            case '.':
                pos++;
                return 1;
            case '^', '$':
                pos++;
                return 0;
            case '*', '+', '?', '{':
                throw new Unknown(); // a quantifier with nothing before it
            default:
                pos += Character.charCount(re.codePointAt(pos));
                return 1;
        }
    }

    private long group() {
        pos++; // '('
        boolean zeroWidth = false;
        if (re.startsWith("?", pos)) {
            if (re.startsWith("?:", pos) || re.startsWith("?>", pos)) {
                pos += 2;
            } else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
                pos += 2;
                zeroWidth = true;
            } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
                pos += 3;
                zeroWidth = true;
            } else if (re.startsWith("?<", pos)) { // named group
                int end = re.indexOf('>', pos);
                if (end < 0) {
                    throw new Unknown();
                }
                pos = end + 1;
            } else { // inline flags: (?i) or (?i:...); free spacing (x) changes what the text means
                int k = pos + 1;
                while (k < re.length() && (Character.isLetter(re.charAt(k)) || re.charAt(k) == '-')) {
                    if (re.charAt(k) == 'x') {
                        throw new Unknown();
                    }
                    k++;
                }
                if (k < re.length() && re.charAt(k) == ')') {
                    pos = k + 1;
                    return 0;
                }
                if (k < re.length() && re.charAt(k) == ':') {
                    pos = k + 1;
                } else {
                    throw new Unknown();
                }
            }
        }
        long inner = alternation();
        if (pos >= re.length() || re.charAt(pos) != ')') {
            throw new Unknown();
        }
        pos++;
        return zeroWidth ? 0 : inner;
    }

    /** Moves past a character class, nested classes and escapes included. */
    private void skipClass() {
        int depth = 0;
        do {
            char c = re.charAt(pos);
            if (c == '\\') {
                if (re.startsWith("\\Q", pos)) {
                    int end = re.indexOf("\\E", pos + 2);
                    if (end < 0) {
                        throw new Unknown();
                    }
                    pos = end + 2;
                    continue;
                }
                pos += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                pos++;
                // a ']' or '^]' right after the opening bracket is a literal
                if (re.startsWith("^", pos)) {
                    pos++;
                }
                if (re.startsWith("]", pos)) {
                    pos++;
                }
                continue;
            }
            if (c == ']') {
                depth--;
            }
            pos++;
        } while (depth > 0);
    }

    private long escape() {
        char e = re.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 'b', 'B', 'A', 'z', 'Z', 'G':
                return 0;
            case 'Q': {
                int end = re.indexOf("\\E", pos);
                String quoted = end < 0 ? re.substring(pos) : re.substring(pos, end);
                pos = end < 0 ? re.length() : end + 2;
                return quoted.codePointCount(0, quoted.length());
            }
            case 'p', 'P': // \p{Lu} or \pL
                skipBracedOr(1);
                return 1;
            case 'x': // \x{1F600} or \x41
                skipBracedOr(2);
                return 1;
            case 'u':
                pos += 4;
                return 1;
            case 'c':
                pos++;
                return 1;
            case '0':
                while (pos < re.length() && re.charAt(pos) >= '0' && re.charAt(pos) <= '7') {
                    pos++;
                }
                return 1;
            case 'R':
                return 2; // "\r\n" or one line break
            case 'k', 'X', 'N':
                throw new Unknown(); // a back-reference, a grapheme cluster
            default:
                if (e >= '1' && e <= '9') {
                    throw new Unknown(); // a back-reference
                }
                if (Character.isHighSurrogate(e)) {
                    pos++;
                }
                return 1; // \d \w \s \h \v their negations, \t \n ..., or an escaped literal
        }
    }

    /** Moves past a "{...}" argument of an escape, or past {@code width} characters when there is none. */
    private void skipBracedOr(int width) {
        if (!re.startsWith("{", pos)) {
            pos += width;
            return;
        }
        int end = re.indexOf('}', pos);
        if (end < 0) {
            throw new Unknown();
        }
        pos = end + 1;
    }

    /** The atom's length times the quantifier after it, if any. */
    private long quantified(long atom) {
        if (pos >= re.length()) {
            return atom;
        }
        char q = re.charAt(pos);
        long times;
        if (q == '?') {
            pos++;
            times = 1;
        } else if (q == '*' || q == '+') {
            pos++;
            times = UNBOUNDED;
        } else if (q == '{') {
            int end = re.indexOf('}', pos);
            if (end < 0) {
                throw new Unknown();
            }
            String body = re.substring(pos + 1, end);
            pos = end + 1;
            int comma = body.indexOf(',');
            try {
                if (comma < 0) {
                    times = Long.parseLong(body.strip());
                } else if (body.substring(comma + 1).isBlank()) {
                    times = UNBOUNDED;
                } else {
                    times = Long.parseLong(body.substring(comma + 1).strip());
                }
            } catch (NumberFormatException ex) {
                throw new Unknown();
            }
        } else {
            return atom;
        }
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
            pos++; // lazy or possessive: the same lengths
        }
        if (pos < re.length() && "*+?{".indexOf(re.charAt(pos)) >= 0) {
            throw new Unknown(); // stacked quantifiers
        }
        if (times == 0 || atom == 0) {
            return 0;
        }
        return atom >= UNBOUNDED || times >= UNBOUNDED ? UNBOUNDED : cap(atom * times);
    }

    private static long cap(long v) {
        return v < 0 || v >= UNBOUNDED ? UNBOUNDED : v;
    }
}
