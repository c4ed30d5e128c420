package io.archivebatch.core.extract;

import io.archivebatch.core.clean.BlockFeatures;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the article's published and updated dates in its date lines: "Published: Jun 25, 2025",
 * "Posted on 3 March 2024", "(Last Updated On: October 9, 2018)", "Updated Dec. 16, 2025", a bare date line under
 * the headline, a label on one line and its date on the next. An update label never gives a published date.
 * Teaser lists (after a related marker) are not read: their dates belong to other articles.
 */
public final class DateExtractor {

    /** Dates found and the blocks that were only date lines. */
    public record Dates(String published, String updated, Set<Integer> consumed) {
    }

    private static final Pattern UPDATED = Pattern.compile(
            "(?iu)\\b(last[- ]updated|updated|last[- ]modified|modified|edited|revised|aktualisiert|mis à jour|actualizado|aggiornato|atualizado|bijgewerkt)\\b");
    private static final Pattern PUBLISHED = Pattern.compile(
            "(?iu)\\b(published|posted|first published|date|released|publication date|veröffentlicht|publié|publicado|pubblicato|gepubliceerd)\\b");
    private static final Pattern LABEL_ONLY = Pattern.compile(
            "(?iu)\\(?\\s*(last[- ]updated|updated|published|posted|date|last modified|modified)(\\s+(on|at))?\\s*:?\\s*\\)?");

    private final DateParser parser = new DateParser();

    public Dates extract(DocumentView doc) {
        String published = null;
        String updated = null;
        String unlabelled = null;
        int unlabelledBlock = -1;
        Set<Integer> consumed = new HashSet<>();
        int limit = doc.metadataLimit();
        int start = doc.bodyStart();
        String pendingLabel = null;
        for (int i = 0; i < limit; i++) {
            String t = doc.text(i);
            if (LABEL_ONLY.matcher(t).matches()) {
                pendingLabel = t;
                continue;
            }
            String label = pendingLabel;
            pendingLabel = null;
            int words = doc.blocks().get(i).wordCount();
            if (words > 40) {
                continue;
            }
            DateParser.Found f = parser.find(t);
            if (f == null) {
                continue;
            }
            String before = (label == null ? "" : label + " ") + t.substring(0, f.start());
            boolean isUpdate = lastMatchEnd(UPDATED, before) > lastMatchEnd(PUBLISHED, before);
            boolean isPublish = !isUpdate && lastMatchEnd(PUBLISHED, before) >= 0;
            int dateWords = BlockFeatures.countWords(t.substring(f.start(), f.end()));
            boolean dateLine = words - dateWords <= 8;
            if (isUpdate) {
                if (updated == null) {
                    updated = f.iso();
                }
                // a second date on an "Published ... Updated ..." line
                DateParser.Found g = parser.find(t.substring(f.end()));
                if (published == null && lastMatchEnd(PUBLISHED, t.substring(0, f.start())) >= 0 && g == null) {
                    published = f.iso();
                }
            } else if (isPublish) {
                if (published == null) {
                    published = f.iso();
                }
                String rest = t.substring(f.end());
                DateParser.Found g = parser.find(rest);
                if (g != null && updated == null && lastMatchEnd(UPDATED, rest.substring(0, g.start())) >= 0) {
                    updated = g.iso();
                }
            } else if (dateLine && i <= start + 2 && unlabelled == null) {
                unlabelled = f.iso();
                unlabelledBlock = i;
            } else if (!dateLine) {
                continue;
            }
            if (dateLine && (i < start || !doc.decision(i).keep() || words - dateWords <= 4)) {
                consumed.add(i);
                if (label != null && i > 0) {
                    consumed.add(i - 1);
                }
            }
        }
        if (published == null && unlabelled != null && (updated == null || !unlabelled.equals(updated))) {
            published = unlabelled;
        } else if (unlabelledBlock >= 0 && published != null) {
            consumed.remove(unlabelledBlock);
        }
        return new Dates(published, updated, consumed);
    }

    private static int lastMatchEnd(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }
}
