package io.archivebatch.core.clean;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts, per site, in how many documents each line occurs, in bounded memory: when a site holds more than
 * {@code maxLinesPerSite} distinct lines, the rarest are pruned (lossy counting, Manku &amp; Motwani 2002): a line
 * frequent enough to be chrome is never pruned, since it keeps being seen.
 */
public final class SiteLineCounter {

    /** One site's counts. */
    public static final class Site {
        long docs;
        final Map<Long, Long> lines = new HashMap<>();

        public long docs() {
            return docs;
        }

        public Map<Long, Long> lines() {
            return lines;
        }
    }

    private final Map<String, Site> sites = new HashMap<>();
    private final int maxLinesPerSite;

    public SiteLineCounter(int maxLinesPerSite) {
        this.maxLinesPerSite = maxLinesPerSite;
    }

    /**
     * Counts one document's distinct lines and line endings (normalized text): every line, and the tail of every line
     * from each of its last capitalised words on, so a footer glued to the end of a paragraph is counted too.
     */
    public void add(String site, String normalizedText) {
        Site s = sites.computeIfAbsent(site, k -> new Site());
        s.docs++;
        Set<Long> seen = new HashSet<>();
        for (String line : lines(normalizedText)) {
            for (int start : SiteProfiles.suffixStarts(line)) {
                seen.add(SiteProfiles.hash(line, start));
            }
        }
        for (long h : seen) {
            s.lines.merge(h, 1L, Long::sum);
        }
        if (s.lines.size() > maxLinesPerSite) {
            prune(s);
        }
    }

    /** Adds counts learned earlier (from the state). */
    public void merge(String site, long docs, Map<Long, Long> lines) {
        Site s = sites.computeIfAbsent(site, k -> new Site());
        s.docs += docs;
        lines.forEach((h, c) -> s.lines.merge(h, c, Long::sum));
        if (s.lines.size() > maxLinesPerSite) {
            prune(s);
        }
    }

    private void prune(Site s) {
        long floor = 1;
        while (s.lines.size() > maxLinesPerSite / 2) {
            Iterator<Map.Entry<Long, Long>> it = s.lines.entrySet().iterator();
            while (it.hasNext()) {
                if (it.next().getValue() <= floor) {
                    it.remove();
                }
            }
            floor *= 2;
        }
    }

    public Map<String, Site> sites() {
        return sites;
    }

    /**
     * The chrome lines: in more than {@code share} of a site's documents and in at least {@code minDocs} of them,
     * for sites with at least {@code minSiteDocs} documents.
     */
    public SiteProfiles profiles(double share, long minDocs, long minSiteDocs) {
        Map<String, Set<Long>> out = new HashMap<>();
        sites.forEach((name, s) -> {
            if (s.docs < minSiteDocs) {
                return;
            }
            Set<Long> chrome = new HashSet<>();
            s.lines.forEach((h, c) -> {
                if (c >= minDocs && c > share * s.docs) {
                    chrome.add(h);
                }
            });
            if (!chrome.isEmpty()) {
                out.put(name, chrome);
            }
        });
        return new SiteProfiles(out);
    }

    public static List<String> lines(String normalizedText) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (String line : normalizedText.split("\n")) {
            if (line.length() >= 2) {
                out.add(line);
            }
        }
        return out;
    }
}
