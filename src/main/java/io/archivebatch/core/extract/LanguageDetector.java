package io.archivebatch.core.extract;

import io.archivebatch.core.text.Stopwords;
import io.archivebatch.core.text.Tokens;

import java.util.List;

/**
 * Identifies the language of a body by stopword hits per language (the "stopword profile" method of
 * Grefenstette 1995, as used by langid-like text tools for long text). Answers null when the text is too short
 * or no language clearly wins, rather than guessing.
 */
public final class LanguageDetector {

    private final Stopwords stopwords = Stopwords.get();
    private final String[] codes = stopwords.codes();

    public String detect(String body) {
        return detectTokens(Tokens.words(body, SAMPLE));
    }

    /** The tokens read: the first 600 of the text. */
    public static final int SAMPLE = 600;

    /** {@link #detect(String)} on the text's first {@link #SAMPLE} word tokens, already tokenized. */
    public String detectTokens(List<String> tokens) {
        int words = Math.min(tokens.size(), SAMPLE);
        long[] masks = new long[words];
        for (int i = 0; i < words; i++) {
            masks[i] = stopwords.maskOf(tokens.get(i));
        }
        return detectMasks(masks, words);
    }

    /**
     * {@link #detectTokens} from the first {@code count} tokens' stopword masks ({@link Stopwords#maskOf}, as
     * {@link io.archivebatch.core.text.DocumentWords#stopwordMask} gives them); at most {@link #SAMPLE} are read.
     */
    public String detectMasks(long[] masks, int count) {
        int[] hits = newHits();
        int words = Math.min(count, SAMPLE);
        addHits(hits, masks, words);
        return detectHits(hits, words);
    }

    /** A count of stopword hits per language, all 0, for {@link #addHits}. */
    public int[] newHits() {
        return new int[codes.length];
    }

    /** Counts the languages of the first {@code count} masks into {@code hits}. */
    public static void addHits(int[] hits, long[] masks, int count) {
        for (int i = 0; i < count; i++) {
            for (long m = masks[i]; m != 0; m &= m - 1) {
                hits[Long.numberOfTrailingZeros(m)]++;
            }
        }
    }

    /** Counts the languages of the first {@code count} tokens, numbers of a document's words, into {@code hits}. */
    public static void addHits(int[] hits, io.archivebatch.core.text.DocumentWords words, int[] ids, int count) {
        for (int i = 0; i < count; i++) {
            for (long m = words.stopwordMask(ids[i]); m != 0; m &= m - 1) {
                hits[Long.numberOfTrailingZeros(m)]++;
            }
        }
    }

    /**
     * {@link #detectMasks} from the hits of its tokens, counted by {@link #addHits}: {@code words} tokens were
     * counted, at most {@link #SAMPLE}.
     */
    public String detectHits(int[] hits, int words) {
        if (words < 8) {
            return null;
        }
        // the most hits, the alphabetically first language among equals; second: the runner-up's hits
        String best = null;
        int bestHits = 0;
        int second = 0;
        for (int lang = 0; lang < codes.length; lang++) {
            int h = hits[lang];
            if (h == 0) {
                continue;
            }
            if (h > bestHits || (h == bestHits && best != null && codes[lang].compareTo(best) < 0)) {
                second = Math.max(second, bestHits);
                bestHits = h;
                best = codes[lang];
            } else if (h > second) {
                second = h;
            }
        }
        if (best == null || bestHits < Math.max(3, words * 0.08) || bestHits < second * 1.2) {
            return null;
        }
        return best;
    }
}
