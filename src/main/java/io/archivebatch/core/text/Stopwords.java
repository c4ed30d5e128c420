package io.archivebatch.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stopword lists for many languages, read from the list files that ship inside Apache Lucene's
 * {@code lucene-analysis-common} (Snowball lists and Lucene's own per-language lists), not typed by hand.
 * Used for stopword density (a strong "this is prose" signal) and for language identification.
 */
public final class Stopwords {

    private static final Map<String, String> RESOURCES = new LinkedHashMap<>();

    static {
        String s = "/org/apache/lucene/analysis/snowball/";
        RESOURCES.put("en", s + "english_stop.txt");
        RESOURCES.put("de", s + "german_stop.txt");
        RESOURCES.put("fr", s + "french_stop.txt");
        RESOURCES.put("es", s + "spanish_stop.txt");
        RESOURCES.put("it", s + "italian_stop.txt");
        RESOURCES.put("pt", s + "portuguese_stop.txt");
        RESOURCES.put("nl", s + "dutch_stop.txt");
        RESOURCES.put("sv", s + "swedish_stop.txt");
        RESOURCES.put("da", s + "danish_stop.txt");
        RESOURCES.put("no", s + "norwegian_stop.txt");
        RESOURCES.put("fi", s + "finnish_stop.txt");
        RESOURCES.put("hu", s + "hungarian_stop.txt");
        RESOURCES.put("ru", s + "russian_stop.txt");
        RESOURCES.put("id", s + "indonesian_stop.txt");
        String l = "/org/apache/lucene/analysis/";
        RESOURCES.put("ar", l + "ar/stopwords.txt");
        RESOURCES.put("fa", l + "fa/stopwords.txt");
        RESOURCES.put("tr", l + "tr/stopwords.txt");
        RESOURCES.put("ro", l + "ro/stopwords.txt");
        RESOURCES.put("cs", l + "cz/stopwords.txt");
        RESOURCES.put("bg", l + "bg/stopwords.txt");
        RESOURCES.put("el", l + "el/stopwords.txt");
        RESOURCES.put("hi", l + "hi/stopwords.txt");
        RESOURCES.put("ca", l + "ca/stopwords.txt");
        RESOURCES.put("lv", l + "lv/stopwords.txt");
        RESOURCES.put("lt", l + "lt/stopwords.txt");
        RESOURCES.put("bn", l + "bn/stopwords.txt");
    }

    private static final Stopwords INSTANCE = load();

    private final Map<String, Set<String>> byLanguage;
    /** the languages in a fixed order (their numbers are the bits of {@link #maskOf}) */
    private final String[] codes;
    /** every listed word by number, and by that number the bit set of the languages whose list holds it */
    private final WordIndex listed;
    private final long[] masks;
    private final Object[] lists;
    /**
     * A bit per 16-bit hash of the listed words (8 KB, held in a core's cache): most of a page's words are in no
     * list, and for them a look-up is one bit instead of a probe of the 200 KB table and its strings.
     */
    private final long[] listedHashes = new long[1 << 16 >> 6];

    private Stopwords(Map<String, Set<String>> byLanguage) {
        this.byLanguage = byLanguage;
        this.codes = byLanguage.keySet().toArray(String[]::new);
        this.lists = byLanguage.values().toArray();
        if (codes.length > Long.SIZE) {
            throw new IllegalStateException("more stopword lists than bits in a mask: " + codes.length);
        }
        Map<String, Long> all = new HashMap<>();
        for (int lang = 0; lang < codes.length; lang++) {
            long bit = 1L << lang;
            for (String w : byLanguage.get(codes[lang])) {
                all.merge(w, bit, (a, b) -> a | b);
            }
        }
        this.listed = new WordIndex(all.size());
        this.masks = new long[all.size()];
        all.forEach((w, m) -> {
            masks[listed.add(w)] = m;
            int b = hash16(w.hashCode());
            listedHashes[b >>> 6] |= 1L << b;
        });
    }

    private static int hash16(int h) {
        return (h ^ (h >>> 16)) & 0xFFFF;
    }

    /** The language codes, numbered by their position: the bits of {@link #maskOf}. */
    public String[] codes() {
        return codes.clone();
    }

    /**
     * The languages whose list holds this lowercase word as a bit set (bit {@code i}: language {@code i} of
     * {@link #codes()}), 0 if none. {@link io.archivebatch.core.model.Block} keeps its
     * words' masks, so that a word is looked up once for both the language count and the stopword density.
     */
    public long maskOf(String word) {
        return maskOf(word, word.hashCode());
    }

    /** {@link #maskOf(String)} with the word's {@link String#hashCode} already known. */
    public long maskOf(String word, int hash) {
        int b = hash16(hash);
        if ((listedHashes[b >>> 6] & (1L << b)) == 0) {
            return 0;
        }
        int n = listed.get(word, hash);
        return n < 0 ? 0 : masks[n];
    }

    /**
     * The bit of {@link #maskOf} that stands for this list when it is one of the lists {@link #of} answers (the same
     * object), else 0: a caller holding that list can test a word's mask instead of the set.
     */
    public long bitOf(Set<String> list) {
        for (int lang = 0; lang < lists.length; lang++) {
            if (lists[lang] == list) { // compared by identity: no hashing of a whole list per block
                return 1L << lang;
            }
        }
        return 0;
    }

    public static Stopwords get() {
        return INSTANCE;
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }

    public Set<String> of(String language) {
        return byLanguage.getOrDefault(language, Set.of());
    }

    public boolean isStopword(String lowercaseWord) {
        return maskOf(lowercaseWord) != 0;
    }

    private static Stopwords load() {
        Map<String, Set<String>> map = new LinkedHashMap<>();
        RESOURCES.forEach((lang, res) -> map.put(lang, Collections.unmodifiableSet(read(res))));
        return new Stopwords(Collections.unmodifiableMap(map));
    }

    private static Set<String> read(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = Stopwords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("stopword list missing from the classpath: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int bar = line.indexOf('|');
                String w = (bar >= 0 ? line.substring(0, bar) : line).trim();
                if (w.isEmpty() || w.startsWith("#")) {
                    continue;
                }
                for (String part : w.split("\\s+")) {
                    words.add(part.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
