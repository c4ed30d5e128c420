package io.archivebatch.core.clean;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One boilerplate rule: a kind and a regular expression that must match a whole block (case-insensitive).
 *
 * @param origin        where it was defined ({@code builtin.rules:12}, {@code jobs/rules/ariana.rules:3}), for --explain
 * @param maxCodePoints the longest block the expression can match ({@link RegexFacts}); longer ones are not tried
 * @param literals      for an expression that starts with {@code .} (it may begin its match anywhere in the first
 *                      characters, so the engine tries each of them): case-folded literals of which every match holds
 *                      one ({@link RegexFacts#requiredLiterals}); a block holding none is not tried. Empty for other
 *                      expressions, which fail at their first characters faster than the block can be searched.
 * @param first         the case-folded characters a match can begin with ({@link RegexFacts#firstChars}); a block
 *                      beginning with another is not tried
 */
public record Rule(RuleKind kind, Pattern pattern, String origin, int maxCodePoints, List<String> literals,
                   FirstChars first) {

    public static Rule of(RuleKind kind, String regex, String origin) {
        return new Rule(kind, Pattern.compile(regex,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL), origin,
                RegexFacts.maxCodePoints(regex), regex.startsWith(".") ? RegexFacts.requiredLiterals(regex) : List.of(),
                RegexFacts.firstChars(regex));
    }

    public Rule {
        literals = List.copyOf(literals);
    }

    public boolean matches(String blockText) {
        return matches(blockText, blockText.codePointCount(0, blockText.length()));
    }

    /** @param codePoints the block's length in code points, counted once for all the rules tried on it */
    public boolean matches(String blockText, int codePoints) {
        return matches(blockText, codePoints, literals.isEmpty() ? null : RegexFacts.fold(blockText));
    }

    /**
     * @param codePoints the block's length in code points, counted once for all the rules tried on it
     * @param folded     the block case-folded ({@link #fold}), once for all the rules; may be null when
     *                   {@link #literals} is empty
     */
    public boolean matches(String blockText, int codePoints, String folded) {
        return codePoints <= maxCodePoints && mayBegin(blockText) && RegexFacts.holdsOne(folded, literals)
                && pattern.matcher(blockText).matches();
    }

    /** Whether a match may begin with the block's first character ({@link #first}); true for an empty block. */
    boolean mayBegin(String blockText) {
        if (blockText.isEmpty() || first.isAny()) {
            return true;
        }
        int cp = blockText.codePointAt(0);
        return first.mayBegin(cp, RegexFacts.foldCodePoint(cp));
    }

    /**
     * {@link #matches(String, int, String)} for a block the caller has already found no longer than
     * {@link #maxCodePoints} and beginning with a character this rule may begin with ({@link FirstChars#mayBegin}),
     * tested once per block for all the rules.
     */
    boolean matchesFrom(String blockText, String folded) {
        return RegexFacts.holdsOne(folded, literals) && pattern.matcher(blockText).matches();
    }

    /** A block's text case-folded as the rules' literals are. */
    public static String fold(String blockText) {
        return RegexFacts.fold(blockText);
    }

    /** The first group of a site-name rule's match, else null. */
    public String capture(String blockText) {
        Matcher m = pattern.matcher(blockText);
        if (m.matches() && m.groupCount() >= 1 && m.group(1) != null) {
            return m.group(1).trim();
        }
        return null;
    }
}
