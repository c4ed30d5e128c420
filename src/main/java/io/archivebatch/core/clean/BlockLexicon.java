package io.archivebatch.core.clean;

import io.archivebatch.core.text.KnownWords;
import io.archivebatch.core.text.Stopwords;
import io.archivebatch.core.text.WordIndex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words that tell article text from page chrome ("reply", "subscribe", "cookies", "share" against "said",
 * "because"...): each word's log-odds of appearing in an article block rather than a chrome block, counted once per
 * labelled page (so one long page does not dominate). Learned by {@code train-blocks} on the training folds only and
 * shipped as {@code block-lexicon.tsv}; a word seen on fewer than {@value #MIN_PAGES} pages is left out, so the
 * weights carry page-independent vocabulary, not one site's. The naive-Bayes evidence of Kohlschütter et al.'s
 * boilerplate features, reduced to four numbers per block.
 */
public final class BlockLexicon {

    static final int MIN_PAGES = 8;
    static final double CLIP = 4;

    private final Map<String, Float> weights;
    /** the same weights by word number, for the look-up of every word of every document ({@link #weights(BlockWords)}) */
    private final WordIndex known;
    private final float[] byNumber;
    /**
     * The stopwords and these words, for the documents' tokenizers ({@link #knownWords()}), and the weights by their
     * numbers there (NaN for a stopword the lexicon does not hold): a document's words then come with their weights'
     * numbers, looked up as they were scanned, together with their stopword masks.
     */
    private final KnownWords knownWords;
    private final float[] byKnown;

    public BlockLexicon(Map<String, Float> weights) {
        // a HashMap, not Map.copyOf: its lookups compare the strings' cached hashes before calling equals, where the
        // immutable map's probing calls equals on every key it passes (measured: 3% of the cleaning's time)
        this.weights = new HashMap<>(weights); // never changed after this
        this.known = new WordIndex(weights.size());
        this.byNumber = new float[weights.size()];
        weights.forEach((w, v) -> byNumber[known.add(w)] = v);
        this.knownWords = KnownWords.of(Stopwords.get(), weights.keySet());
        this.byKnown = new float[knownWords.size()];
        Arrays.fill(byKnown, Float.NaN);
        weights.forEach((w, v) -> byKnown[knownWords.find(w)] = v);
    }

    /** The words a document's tokenizer should look its words up among, for {@link #weights(BlockWords)}. */
    public KnownWords knownWords() {
        return knownWords;
    }

    public static BlockLexicon empty() {
        return new BlockLexicon(Map.of());
    }

    public int size() {
        return weights.size();
    }

    /**
     * Learns the weights.
     *
     * @param pages  per page, each block's words
     * @param labels per page, each block's label (true: article text)
     */
    public static BlockLexicon learn(List<List<List<String>>> pages, List<boolean[]> labels) {
        Map<String, int[]> counts = new HashMap<>();
        long inBody = 0;
        long inChrome = 0;
        for (int p = 0; p < pages.size(); p++) {
            Set<String> body = new HashSet<>();
            Set<String> chrome = new HashSet<>();
            List<List<String>> blocks = pages.get(p);
            for (int b = 0; b < blocks.size(); b++) {
                (labels.get(p)[b] ? body : chrome).addAll(blocks.get(b));
            }
            for (String w : body) {
                counts.computeIfAbsent(w, k -> new int[2])[0]++;
            }
            for (String w : chrome) {
                counts.computeIfAbsent(w, k -> new int[2])[1]++;
            }
            inBody += body.size();
            inChrome += chrome.size();
        }
        double prior = Math.log((inBody + 1.0) / (inChrome + 1.0));
        Map<String, Float> w = new HashMap<>();
        for (var e : counts.entrySet()) {
            int b = e.getValue()[0];
            int c = e.getValue()[1];
            if (b + c < MIN_PAGES) {
                continue;
            }
            double lo = Math.log((b + 0.5) / (c + 0.5)) - prior;
            lo = Math.max(-CLIP, Math.min(CLIP, lo));
            if (Math.abs(lo) >= 0.25) {
                w.put(e.getKey(), (float) lo);
            }
        }
        return new BlockLexicon(w);
    }

    /** The word's weight, 0 when the lexicon does not know it. */
    public double weight(String word) {
        Float v = weights.get(word);
        return v == null ? 0 : v;
    }

    /** mean, min and max weight of the block's distinct known words, and the share of its words that are known. */
    public double[] features(List<String> words) {
        return features(new HashSet<>(words));
    }

    /** {@link #features(List)} of a block's distinct words (a {@code HashSet} of them: the sum runs in its order). */
    public double[] features(Set<String> distinct) {
        float[] known = new float[distinct.size()];
        int[] order = new int[distinct.size()];
        int n = 0;
        for (String s : distinct) {
            Float v = weights.get(s);
            if (v != null) {
                known[n] = v;
                order[n] = n;
                n++;
            }
        }
        return summary(known, order, n, distinct.size());
    }

    /** The weight of each of a document's words ({@link BlockWords}), NaN for the words the lexicon does not know. */
    float[] weights(BlockWords words) {
        float[] w = new float[words.size()];
        if (words.knownWords == knownWords) { // looked up as the document was tokenized
            for (int id = 0; id < w.length; id++) {
                int k = words.known[id];
                w[id] = k < 0 ? Float.NaN : byKnown[k];
            }
            return w;
        }
        for (int id = 0; id < w.length; id++) {
            int n = known.get(words.words[id], words.hashes[id]);
            w[id] = n < 0 ? Float.NaN : byNumber[n];
        }
        return w;
    }

    /**
     * {@link #features(Set)} of a block of a {@link BlockWords}, from its words' {@link #weights}: the same numbers to
     * the last bit, the mean summed in the order of the block's {@code HashSet}.
     */
    double[] features(BlockWords words, int block, float[] weights) {
        int[] ids = words.distinct[block];
        if (ids.length == 0) {
            return new double[4];
        }
        int[] order = words.orderArray(block);
        int n = words.hashSetOrder(block, id -> !Float.isNaN(weights[id]), order); // the known words
        if (n < 0) {
            return features(words.asSet(block));
        }
        return summary(weights, order, n, ids.length);
    }

    /**
     * Mean, min and max of the known weights {@code weights[order[0..n)]} (summed in that order), and their share of
     * the words.
     */
    private static double[] summary(float[] weights, int[] order, int n, int distinct) {
        double[] f = new double[4];
        if (distinct == 0) {
            return f;
        }
        double sum = 0;
        double min = 0;
        double max = 0;
        for (int k = 0; k < n; k++) {
            float v = weights[order[k]];
            sum += v;
            min = k == 0 ? v : Math.min(min, v);
            max = k == 0 ? v : Math.max(max, v);
        }
        if (n > 0) {
            f[0] = sum / n;
            f[1] = min;
            f[2] = max;
        }
        f[3] = (double) n / distinct;
        return f;
    }


    public void write(Writer w) throws IOException {
        w.write("# word\tlog-odds of article text over chrome, written by train-blocks\n");
        List<String> keys = new ArrayList<>(weights.keySet());
        keys.sort(null);
        for (String k : keys) {
            w.write(k + "\t" + String.format(Locale.ROOT, "%.3f", weights.get(k)) + "\n");
        }
    }

    public static BlockLexicon read(InputStream in) throws IOException {
        Map<String, Float> w = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException("bad lexicon line: " + line);
            }
            w.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
        }
        return new BlockLexicon(w);
    }
}
