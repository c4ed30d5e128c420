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
    /** the same, as the sets the cleaning looks lines up in */
    private final Map<String, LineHashes> lines = new java.util.HashMap<>();

    public SiteProfiles(Map<String, Set<Long>> chrome) {
        this.chrome = chrome;
        chrome.forEach((site, hashes) -> lines.put(site, LineHashes.of(hashes)));
    }

    public boolean isEmpty() {
        return chrome.isEmpty();
    }

    /** The chrome line hashes of a site, empty when the site has no profile. */
    public Set<Long> of(String site) {
        return site == null ? Set.of() : chrome.getOrDefault(site, Set.of());
    }

    /** {@link #of} as the set the cleaning looks lines up in. */
    public LineHashes lines(String site) {
        return site == null ? LineHashes.EMPTY : lines.getOrDefault(site, LineHashes.EMPTY);
    }

    public int sites() {
        return chrome.size();
    }

    public static final int MAX_SUFFIX_WORDS = 40;

    /**
     * Where the candidate chrome pieces of a line start: the line itself (when at most 400 characters), and each
     * capitalised word among its last {@value #MAX_SUFFIX_WORDS} words (a footer glued to a paragraph starts with one).
     */
    public static int[] suffixStarts(String line) {
        int[] starts = new int[MAX_SUFFIX_WORDS + 1];
        return java.util.Arrays.copyOf(starts, suffixStarts(line.toCharArray(), 0, line.length(), starts));
    }

    /**
     * {@link #suffixStarts(String)} of the line {@code text[from, to)}, as offsets into {@code text}, into
     * {@code starts} (at least {@value #MAX_SUFFIX_WORDS} + 1 long): the line's own start first, then the words' in
     * descending order. Returns how many.
     */
    static int suffixStarts(char[] text, int from, int to, int[] starts) {
        int n = 0;
        if (to - from <= 400) {
            starts[n++] = from;
        }
        int words = 0;
        for (int i = to - 1; i > from && words < MAX_SUFFIX_WORDS; i--) {
            if (text[i - 1] == ' ' && text[i] != ' ') {
                words++;
                if (Character.isUpperCase(text[i]) && n <= MAX_SUFFIX_WORDS) {
                    starts[n++] = i;
                }
            }
        }
        return n;
    }

    /**
     * The line without its chrome: null when the whole line is chrome, the line cut before its longest chrome tail,
     * or the line itself.
     */
    public static String strip(String line, Set<Long> chrome) {
        int end = keptEnd(line.toCharArray(), 0, line.length(), LineHashes.of(chrome), new int[MAX_SUFFIX_WORDS + 1]);
        return end < 0 ? null : end == line.length() ? line : line.substring(0, end);
    }

    /**
     * {@link #strip} of the line {@code text[from, to)} without copying it: where what is kept of it ends in
     * {@code text} ({@code to} for the whole line, before the trailing whitespace of the part before its longest
     * chrome tail), or -1 when the whole line is chrome. {@code starts}: room for the candidate starts.
     */
    public static int keptEnd(char[] text, int from, int to, LineHashes chrome, int[] starts) {
        int n = suffixStarts(text, from, to, starts);
        // the longest tail first: the line's own start, then the word starts, which were found from the end
        int first = n > 0 && starts[0] == from ? 1 : 0;
        if (first == 1 && chrome.contains(hash(text, from, to))) {
            return -1;
        }
        for (int k = n - 1; k >= first; k--) {
            if (chrome.contains(hash(text, starts[k], to))) {
                int end = starts[k];
                while (end > from && Character.isWhitespace(text[end - 1])) {
                    end--;
                }
                return end;
            }
        }
        return to;
    }

    /** Where the line that starts at {@code from} ends: at the next '\n' of {@code text[from, len)}, or at len. */
    public static int lineEnd(char[] text, int from, int len) {
        int to = from;
        while (to < len && text[to] != '\n') {
            to++;
        }
        return to;
    }

    /** A 64-bit FNV-1a hash of a normalized line. */
    public static long hash(String line) {
        return hash(line, 0);
    }

    /** {@link #hash(String)} of {@code line.substring(from)}, without the copy (a line is hashed from up to 41 starts). */
    public static long hash(String line, int from) {
        return hash(line.toCharArray(), from, line.length());
    }

    /** {@link #hash(String)} of the chars {@code text[from, to)}. */
    static long hash(char[] line, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= line[i];
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
