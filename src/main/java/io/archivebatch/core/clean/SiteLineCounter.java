package io.archivebatch.core.clean;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
        add(site, distinctLines(normalizedText));
    }

    /** {@link #add(String, String)} with the document's {@link #distinctLines}, found beforehand (on another thread). */
    public void add(String site, long[] distinctLines) {
        Site s = sites.computeIfAbsent(site, k -> new Site());
        s.docs++;
        for (long h : distinctLines) {
            s.lines.merge(h, 1L, Long::sum);
        }
        if (s.lines.size() > maxLinesPerSite) {
            prune(s);
        }
    }

    /**
     * The hashes {@link #add(String, String)} counts for a document (normalized text), each once, in ascending order:
     * of every line of two characters or more, and of the tail of the line from each of its last capitalised words on.
     */
    public static long[] distinctLines(String normalizedText) {
        return distinctLines(normalizedText.toCharArray(), normalizedText.length());
    }

    /** {@link #distinctLines(String)} of the normalized text {@code text[0, len)}. */
    public static long[] distinctLines(char[] text, int len) {
        long[] out = new long[64];
        int n = 0;
        int[] starts = new int[SiteProfiles.MAX_SUFFIX_WORDS + 1];
        for (int from = 0; from < len; ) {
            int to = SiteProfiles.lineEnd(text, from, len);
            if (to - from >= 2) {
                int k = SiteProfiles.suffixStarts(text, from, to, starts);
                if (n + k > out.length) {
                    out = java.util.Arrays.copyOf(out, Math.max(2 * out.length, n + k));
                }
                for (int i = 0; i < k; i++) {
                    out[n++] = SiteProfiles.hash(text, starts[i], to);
                }
            }
            from = to + 1;
        }
        java.util.Arrays.sort(out, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || out[i] != out[m - 1]) {
                out[m++] = out[i];
            }
        }
        return java.util.Arrays.copyOf(out, m);
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
}
