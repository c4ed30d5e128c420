package io.archivebatch.core.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One boilerplate rule: a kind and a regular expression that must match a whole block (case-insensitive).
 *
 * @param origin        where it was defined ({@code builtin.rules:12}, {@code jobs/rules/ariana.rules:3}), for --explain
 * @param maxCodePoints the longest block the expression can match ({@link RegexLength}); longer ones are not tried
 */
public record Rule(RuleKind kind, Pattern pattern, String origin, int maxCodePoints) {

    public static Rule of(RuleKind kind, String regex, String origin) {
        return new Rule(kind, Pattern.compile(regex,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL), origin,
                RegexLength.maxCodePoints(regex));
    }

    public boolean matches(String blockText) {
        return matches(blockText, blockText.codePointCount(0, blockText.length()));
    }

    /** @param codePoints the block's length in code points, counted once for all the rules tried on it */
    public boolean matches(String blockText, int codePoints) {
        return codePoints <= maxCodePoints && pattern.matcher(blockText).matches();
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
