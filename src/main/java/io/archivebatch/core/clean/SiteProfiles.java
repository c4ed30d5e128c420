package io.archivebatch.core.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lines that recur across many documents of the same site are chrome (menus, slogans, licence footers glued to the
 * last paragraph). A snapshot of what was learned: per site key, the hashes of its chrome lines. The idea is the
 * "boilerplate is what repeats across pages of a site" of template detection (Bar-Yossef &amp; Rajagopalan 2002;
 * the site-level line dedup of datatrove and CCNet).
 */
public final class SiteProfiles {

    public static final SiteProfiles EMPTY = new SiteProfiles(Map.of());

    private final Map<String, Set<Long>> chrome;

    public SiteProfiles(Map<String, Set<Long>> chrome) {
        this.chrome = chrome;
    }

    public boolean isEmpty() {
        return chrome.isEmpty();
    }

    /** The chrome line hashes of a site, empty when the site has no profile. */
    public Set<Long> of(String site) {
        return site == null ? Set.of() : chrome.getOrDefault(site, Set.of());
    }

    public int sites() {
        return chrome.size();
    }

    static final int MAX_SUFFIX_WORDS = 40;

    /**
     * Where the candidate chrome pieces of a line start: the line itself (when at most 400 characters), and each
     * capitalised word among its last {@value #MAX_SUFFIX_WORDS} words (a footer glued to a paragraph starts with one).
     */
    public static int[] suffixStarts(String line) {
        int[] starts = new int[MAX_SUFFIX_WORDS + 1];
        int n = 0;
        if (line.length() <= 400) {
            starts[n++] = 0;
        }
        int words = 0;
        for (int i = line.length() - 1; i > 0 && words < MAX_SUFFIX_WORDS; i--) {
            if (line.charAt(i - 1) == ' ' && line.charAt(i) != ' ') {
                words++;
                if (Character.isUpperCase(line.charAt(i)) && n < starts.length) {
                    starts[n++] = i;
                }
            }
        }
        return java.util.Arrays.copyOf(starts, n);
    }

    /**
     * The line without its chrome: null when the whole line is chrome, the line cut before its longest chrome tail,
     * or the line itself.
     */
    public static String strip(String line, Set<Long> chrome) {
        int[] starts = suffixStarts(line);
        java.util.Arrays.sort(starts);
        for (int start : starts) {
            if (chrome.contains(hash(line, start))) {
                if (start == 0) {
                    return null;
                }
                return line.substring(0, start).stripTrailing();
            }
        }
        return line;
    }

    /** A 64-bit FNV-1a hash of a normalized line. */
    public static long hash(String line) {
        return hash(line, 0);
    }

    /** {@link #hash(String)} of {@code line.substring(from)}, without the copy (a line is hashed from up to 41 starts). */
    public static long hash(String line, int from) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < line.length(); i++) {
            h ^= line.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    public void write(Writer w) throws IOException {
        for (Map.Entry<String, Set<Long>> e : new TreeMap<>(chrome).entrySet()) {
            for (long h : e.getValue().stream().sorted().toList()) {
                w.write(e.getKey().replace('\t', ' ').replace('\n', ' ') + "\t" + h + "\n");
            }
        }
    }

    public static SiteProfiles read(BufferedReader r) throws IOException {
        Map<String, Set<Long>> m = new HashMap<>();
        for (String line; (line = r.readLine()) != null; ) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                m.computeIfAbsent(line.substring(0, tab), k -> new HashSet<>()).add(Long.parseLong(line.substring(tab + 1)));
            }
        }
        return new SiteProfiles(m);
    }
}
