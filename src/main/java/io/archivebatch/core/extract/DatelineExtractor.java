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

    public String extract(String firstParagraph) {
        if (firstParagraph == null) {
            return null;
        }
        Matcher m = DATELINE.matcher(firstParagraph);
        if (!m.find()) {
            return null;
        }
        String d = m.group(1).trim();
        String letters = d.replaceAll("\\([^)]*\\)", "").replaceAll("[^\\p{L}]", "");
        if (letters.length() < 3) {
            return null;
        }
        // the place name must be in capitals (a normal sentence start is not a dateline)
        String place = d.split("[,(]")[0].replaceAll("[^\\p{L}]", "");
        if (place.length() < 3 || !place.equals(place.toUpperCase(java.util.Locale.ROOT))) {
            return null;
        }
        return d;
    }
}
