package io.archivebatch.core.extract;

import io.archivebatch.core.clean.BlockFeatures;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the byline: "By Jane Doe", "Written by Jane Doe | June 3", "Author: Jane Doe", "Von Max Muster",
 * "Par Jean Dupont", near the headline. The name is cut at separators, dates and role words.
 */
public final class AuthorExtractor {

    private static final Pattern BYLINE = Pattern.compile(
            "(?iu)^(?:[\\p{L} ]{0,20}\\s)?(?:by|written by|posted by|words by|story by|reported by|author:|authors:|autor:|auteur:|von|par|por|di)\\s*:?\\s+(.+)$");
    /** compiled once: {@code String.replaceAll} compiled it for every byline (a third of the extractor's time) */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,;:.]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private final DateParser dates = new DateParser();

    public Extracted extract(DocumentView doc) {
        int start = doc.bodyStart();
        int from = Math.max(0, start - 15);
        int to = Math.min(doc.metadataLimit(), start + 3);
        for (int i = from; i < to; i++) {
            String t = doc.text(i);
            if (t.length() > 200 || t.contains("\n")) {
                continue;
            }
            Matcher m = BYLINE.matcher(t);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            DateParser.Found f = dates.find(name);
            if (f != null) {
                name = name.substring(0, f.start());
            }
            name = BylineCut.apply(name).trim(); // cut at separators, times, role words
            name = TRAILING_PUNCTUATION.matcher(name).replaceAll("").trim();
            if (!looksLikeName(name)) {
                continue;
            }
            return new Extracted(name, i, true);
        }
        return null;
    }

    private static boolean looksLikeName(String name) {
        int words = BlockFeatures.countWords(name);
        if (words < 1 || words > 12 || name.length() > 120) {
            return false;
        }
        int caps = 0;
        int letters = 0;
        for (String w : SPACES.split(name)) {
            if (w.isEmpty() || !Character.isLetter(w.codePointAt(0))) {
                continue;
            }
            letters++;
            if (Character.isUpperCase(w.codePointAt(0)) || w.equals("and") || w.equals("und") || w.equals("et") || w.equals("y")) {
                caps++;
            }
        }
        return letters > 0 && caps == letters;
    }
}
