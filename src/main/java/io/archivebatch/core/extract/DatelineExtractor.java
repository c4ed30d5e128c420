package io.archivebatch.core.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire-style dateline opening the first paragraph: "KABUL (Reuters) -", "WASHINGTON —", "Paris, 3 March (AFP) –".
 * The dateline stays in the body (it is part of the text); the field repeats it for filtering.
 */
public final class DatelineExtractor {

    private static final Pattern DATELINE = Pattern.compile(
            "^(\\p{Lu}[\\p{Lu}\\p{M} .,'’-]{2,40}?(?:,\\s*[\\p{L} .]{2,30}?)?(?:\\s*\\([^)]{2,30}\\))?)\\s*[-—–:]{1,2}\\s+\\S");

    // compiled once: String.replaceAll and split compiled them for every document (half the extractor's time)
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]");
    private static final Pattern PLACE_END = Pattern.compile("[,(]");

    public String extract(String firstParagraph) {
        if (firstParagraph == null) {
            return null;
        }
        Matcher m = DATELINE.matcher(firstParagraph);
        if (!m.lookingAt()) { // the pattern starts with ^: find() would try every later position for nothing
            return null;
        }
        String d = m.group(1).trim();
        String letters = NON_LETTERS.matcher(PARENTHESES.matcher(d).replaceAll("")).replaceAll("");
        if (letters.length() < 3) {
            return null;
        }
        // the place name must be in capitals (a normal sentence start is not a dateline)
        String place = NON_LETTERS.matcher(PLACE_END.split(d)[0]).replaceAll("");
        if (place.length() < 3 || !place.equals(place.toUpperCase(java.util.Locale.ROOT))) {
            return null;
        }
        return d;
    }
}
