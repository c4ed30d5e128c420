package io.archivebatch.core.clean;

/**
 * Two facts about a rule's regular expression, read from its source, that let a block be turned down without running
 * it (a rule such as {@code .{0,200}\b(we use cookies|...)\b.{0,400}} otherwise tries every start position of every
 * paragraph):
 * <ul>
 *   <li>the most code points any match can span: a rule must match a whole block, so a longer block cannot match;</li>
 *   <li>literals of which every match holds at least one ({@code we use cookies}, {@code uses cookies}, ...), compared
 *       case-folded as {@code java.util.regex} compares them under CASE_INSENSITIVE and UNICODE_CASE: one code point
 *       with one code point, equal when {@code toLowerCase(toUpperCase(c))} is.</li>
 * </ul>
 * Handles the {@link java.util.regex.Pattern} syntax rules use — literals, escapes, classes, groups, alternation and
 * quantifiers; a back-reference, free spacing or anything it does not know gives no facts ({@link #UNBOUNDED}, no
 * literals), which filters nothing.
 */
final class RegexFacts {

    static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String re;
    private int pos;

    private RegexFacts(String re) {
        this.re = re;
    }

    /** The longest match in code points, or {@link #UNBOUNDED}. */
    static int maxCodePoints(String regex) {
        Node n = parse(regex);
        return n == null || n.max >= UNBOUNDED ? UNBOUNDED : (int) n.max;
    }

    /**
     * Case-folded literals ({@link #fold}) of which every match holds one, or an empty list when the expression does
     * not tell (then nothing may be concluded).
     */
    static java.util.List<String> requiredLiterals(String regex) {
        Node n = parse(regex);
        if (n == null || n.required == null) {
            return java.util.List.of();
        }
        return n.required.stream().map(RegexFacts::fold).distinct().toList();
    }

    /**
     * The case-folded code points ({@link #foldCodePoint}) a match can begin with, or {@link FirstChars#ANY} when the
     * expression does not tell: a rule must match a whole block, so a block beginning with another cannot match.
     */
    static FirstChars firstChars(String regex) {
        Node n = parse(regex);
        return n == null || n.first == null || n.nullable ? FirstChars.ANY : FirstChars.of(n.first);
    }

    /** A code point as {@code java.util.regex} compares it case-insensitively with UNICODE_CASE. */
    static int foldCodePoint(int cp) {
        return cp < 128 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp) : Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** Each code point as {@code java.util.regex} compares it case-insensitively with UNICODE_CASE. */
    static String fold(String s) {
        int n = s.length();
        char[] out = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int f;
            if (c < 128) {
                f = c >= 'A' && c <= 'Z' ? c + 32 : c; // what the two case mappings give in ASCII
            } else {
                f = Character.toLowerCase(Character.toUpperCase((int) c));
                if (Character.isSurrogate(c) || f > 0xFFFF) {
                    return foldCodePoints(s); // a pair, or a character folding to one: rare
                }
            }
            if (f != c && out == null) {
                out = s.toCharArray();
            }
            if (out != null) {
                out[i] = (char) f;
            }
        }
        return out == null ? s : new String(out);
    }

    private static String foldCodePoints(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Whether the folded text holds one of the literals; true when there are none. */
    static boolean holdsOne(String foldedText, java.util.List<String> literals) {
        if (literals.isEmpty()) {
            return true;
        }
        for (String l : literals) {
            if (foldedText.contains(l)) {
                return true;
            }
        }
        return false;
    }

    private static Node parse(String regex) {
        try {
            RegexFacts p = new RegexFacts(regex);
            Node n = p.alternation();
            if (p.pos != regex.length()) {
                return null; // an unbalanced ')' or something unread
            }
            return n;
        } catch (Unknown | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * What a part of the expression matches: at most {@code max} code points, holding one of {@code required}
     * (null: nothing known); {@code literal} is the code point of a plain literal character, else -1; {@code first}
     * the folded code points a non-empty match can begin with (null: any), {@code nullable} whether it can match
     * nothing at all.
     */
    private record Node(long max, java.util.List<String> required, int literal, java.util.Set<Integer> first,
                        boolean nullable) {
        /** A zero-width assertion ({@code max} 0), or a character of some class ({@code max} 1 or more). */
        static Node of(long max) {
            return max == 0 ? new Node(0, null, -1, java.util.Set.of(), true) : new Node(max, null, -1, null, false);
        }
    }

    /** Both sets of first characters (null, any character, if either is). */
    private static java.util.Set<Integer> union(java.util.Set<Integer> a, java.util.Set<Integer> b) {
        if (a == null || b == null) {
            return null;
        }
        java.util.Set<Integer> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** The better of two requirements: the one whose shortest literal is longest (fewer false hopes). */
    private static java.util.List<String> better(java.util.List<String> a, java.util.List<String> b) {
        if (a == null || a.isEmpty()) {
            return b == null || b.isEmpty() ? null : b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        return shortest(b) > shortest(a) ? b : a;
    }

    private static int shortest(java.util.List<String> l) {
        int m = Integer.MAX_VALUE;
        for (String s : l) {
            m = Math.min(m, s.length());
        }
        return m;
    }

    /** A construct this reader does not bound. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /** Alternatives: the longest of them; a match holds one of the literals of each (none known if one tells none). */
    private Node alternation() {
        Node first = sequence();
        long max = first.max;
        java.util.List<String> required = first.required == null ? null : new java.util.ArrayList<>(first.required);
        java.util.Set<Integer> starts = first.first;
        boolean nullable = first.nullable;
        while (pos < re.length() && re.charAt(pos) == '|') {
            pos++;
            Node next = sequence();
            max = Math.max(max, next.max);
            starts = union(starts, next.first);
            nullable |= next.nullable;
            if (required != null && next.required != null) {
                required.addAll(next.required);
            } else {
                required = null;
            }
        }
        return new Node(max, required, -1, starts, nullable);
    }

    /**
     * Atoms one after another: lengths add up; the plain literal characters that must occur side by side make a
     * literal, and the best literal or required group of the sequence is its requirement.
     */
    private Node sequence() {
        long sum = 0;
        java.util.List<String> best = null;
        StringBuilder run = new StringBuilder();
        java.util.Set<Integer> first = java.util.Set.of(); // of the atoms a match may begin with: up to a sure one
        boolean nullable = true;
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            Node atom = atom();
            long[] times = new long[2];
            sum = cap(sum + quantified(atom.max, times));
            long min = times[0];
            if (nullable) {
                first = union(first, atom.first);
                nullable = min == 0 || atom.nullable;
            }
            boolean once = times[0] == 1 && times[1] == 1;
            if (atom.literal >= 0 && min >= 1) {
                run.appendCodePoint(atom.literal);
                if (!once) { // "s+": one s for sure, then anything
                    best = better(best, java.util.List.of(run.toString()));
                    run.setLength(0);
                }
                continue;
            }
            if (atom.max == 0 && atom.required == null && atom.literal < 0) {
                continue; // a zero-width assertion (\b, ^, a look-around) leaves the characters side by side
            }
            if (!run.isEmpty()) {
                best = better(best, java.util.List.of(run.toString()));
                run.setLength(0);
            }
            if (min >= 1) {
                best = better(best, atom.required);
            }
        }
        if (!run.isEmpty()) {
            best = better(best, java.util.List.of(run.toString()));
        }
        return new Node(sum, best, -1, first, nullable);
    }

    private Node atom() {
        char c = re.charAt(pos);
        switch (c) {
            case '(':
                return group();
            case '[':
                skipClass();
                return Node.of(1);
            case '\\': {
                char e = re.charAt(pos + 1);
                long length = escape();
                if (e < 128 && !Character.isLetterOrDigit(e)) { // an escaped punctuation mark: that character
                    return new Node(length, null, -1, java.util.Set.of(foldCodePoint(e)), false);
                }
                if (e == 'd') { // a digit: Character.isDigit, with UNICODE_CHARACTER_CLASS
                    return new Node(length, null, -1, java.util.Set.of(FirstChars.DIGIT), false);
                }
                return Node.of(length);
            }
            case '.':
                pos++;
                return Node.of(1);
            case '^', '$':
                pos++;
                return Node.of(0);
            case '*', '+', '?', '{':
                throw new Unknown(); // a quantifier with nothing before it
            default:
                int cp = re.codePointAt(pos);
                pos += Character.charCount(cp);
                return new Node(1, null, cp, java.util.Set.of(foldCodePoint(cp)), false);
        }
    }

    private Node group() {
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
                    return Node.of(0);
                }
                if (k < re.length() && re.charAt(k) == ':') {
                    pos = k + 1;
                } else {
                    throw new Unknown();
                }
            }
        }
        Node inner = alternation();
        if (pos >= re.length() || re.charAt(pos) != ')') {
            throw new Unknown();
        }
        pos++;
        // a look-around's text is not part of the match; an empty requirement list means none
        return zeroWidth ? Node.of(0) : new Node(inner.max, inner.required, -1, inner.first, inner.nullable);
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

    /**
     * The atom's length times the quantifier after it, if any.
     *
     * @param minMax receives the quantifier's least and most repetitions (1 and 1 without one)
     */
    private long quantified(long atom, long[] minMax) {
        minMax[0] = 1;
        minMax[1] = 1;
        if (pos >= re.length()) {
            return atom;
        }
        char q = re.charAt(pos);
        long times;
        if (q == '?') {
            pos++;
            times = 1;
            minMax[0] = 0;
        } else if (q == '*' || q == '+') {
            pos++;
            times = UNBOUNDED;
            minMax[0] = q == '*' ? 0 : 1;
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
                    minMax[0] = times;
                } else {
                    minMax[0] = Long.parseLong(body.substring(0, comma).strip());
                    times = body.substring(comma + 1).isBlank() ? UNBOUNDED : Long.parseLong(body.substring(comma + 1).strip());
                }
            } catch (NumberFormatException ex) {
                throw new Unknown();
            }
        } else {
            return atom;
        }
        minMax[1] = times;
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
