package io.archivebatch.core.extract;

import io.archivebatch.core.clean.BlockFeatures;
import io.archivebatch.core.model.Related;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the teasers after a related marker ("Check Also", "Related", "Read more"...): each teaser is a title-like
 * line, optionally followed by a line with its date (and a truncated excerpt, which is not kept).
 */
public final class RelatedExtractor {

    private static final Pattern UPDATED = Pattern.compile("(?iu)\\b(updated|modified)\\b");
    private static final int MAX_TEASERS = 20;
    private final DateParser dates = new DateParser();

    public List<Related> extract(DocumentView doc) {
        List<Related> out = new ArrayList<>();
        int start = doc.clean().relatedStart();
        if (start < 0) {
            return out;
        }
        String title = null;
        for (int i = start + 1; i < doc.size() && out.size() < MAX_TEASERS; i++) {
            String t = doc.text(i);
            String reason = doc.decision(i).reason();
            if (reason.equals("rule:end") || reason.equals("rule:site-name") || doc.decision(i).keep()) {
                break;
            }
            DateParser.Found f = dates.find(t);
            int words = doc.blocks().get(i).wordCount();
            boolean dateFirst = f != null && f.start() <= 25;
            if (title != null && dateFirst) {
                boolean upd = UPDATED.matcher(t.substring(0, f.start())).find();
                out.add(new Related(title, upd ? null : f.iso(), upd ? f.iso() : null));
                title = null;
                continue;
            }
            if (title != null) {
                out.add(new Related(title, null, null));
                title = null;
            }
            if (words >= 3 && words <= 30 && !t.endsWith("…") && !t.endsWith("...") && !t.contains("\n") && !dateFirst) {
                title = t;
            } else if (reason.equals("rule:drop")) {
                continue;
            } else if (words > 30) {
                break;
            }
        }
        if (title != null) {
            out.add(new Related(title, null, null));
        }
        return out;
    }
}
