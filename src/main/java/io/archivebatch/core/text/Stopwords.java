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
    /** the languages in a fixed order, and word -> the numbers of those whose list holds it, for counting */
    private final String[] codes;
    private final Map<String, int[]> numbers;

    private Stopwords(Map<String, Set<String>> byLanguage) {
        this.byLanguage = byLanguage;
        this.codes = byLanguage.keySet().toArray(String[]::new);
        Map<String, int[]> nums = new HashMap<>();
        for (int lang = 0; lang < codes.length; lang++) {
            for (String w : byLanguage.get(codes[lang])) {
                int[] old = nums.get(w);
                int[] n = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
                n[n.length - 1] = lang;
                nums.put(w, n);
            }
        }
        this.numbers = nums;
    }

    /** The language codes, numbered by their position: what {@link #numbersOf} refers to. */
    public String[] codes() {
        return codes.clone();
    }

    /** The numbers ({@link #codes()}) of the languages whose list holds this lowercase word, or null if none. */
    public int[] numbersOf(String word) {
        return numbers.get(word);
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
        return numbers.containsKey(lowercaseWord);
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
