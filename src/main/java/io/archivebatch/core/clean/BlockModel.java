package io.archivebatch.core.clean;

import io.archivebatch.core.learn.ProbabilityModel;
import io.archivebatch.core.text.CharTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The learned block classifier: keep or drop each block from its own features (length, stopword density, sentence
 * ends, capitalisation, digits and symbols, list and menu likeness, repetition in the document), its place
 * (first-pass class, the heuristic's main region, distance to it, after an end marker) and its neighbours'.
 * Two stacked models: the second adds the first one's probabilities of the neighbouring blocks, so context
 * decides ("a short line between two body paragraphs is body"). Gradient-boosted trees (or logistic weights) learned by {@code train-blocks} from
 * labelled pages; shipped as {@code block-model-1.tsv} and {@code block-model-2.tsv}.
 */
public final class BlockModel {

    /** A content word of the classifier: a token of at least this many chars… */
    static final int CONTENT_MIN_LENGTH = 3;
    /** …among the first this many of its block. */
    static final int CONTENT_MAX_WORDS = 200;


    public static final List<String> STAGE1 = List.of(
            "log_words", "stop_density", "terminal", "capitalized", "digit_share", "punct_share", "avg_word_len",
            "lines", "cls_good", "cls_near", "cls_short", "in_region", "heuristic_keep", "rel_pos", "before_region",
            "after_region", "after_marker", "repeated", "has_separator", "list_marker", "has_url", "words_lt_4",
            "words_4_10", "words_10_30", "words_gt_30", "good_window3", "rel_len", "prev_log_words", "prev_stop",
            "prev_good", "prev_terminal", "next_log_words", "next_stop", "next_good", "next_terminal", "prev2_good",
            "next2_good", "ends_colon", "all_caps", "title_like", "ends_question", "region_vocab", "lex_mean", "lex_min",
            "lex_max", "lex_known", "lex_first", "prev_lex", "next_lex");

    public static final List<String> STAGE2;

    static {
        List<String> s2 = new ArrayList<>(STAGE1);
        s2.addAll(List.of("p_self", "p_prev", "p_next", "p_window2", "p_window5", "kept_vocab", "dist_prev_kept",
                "dist_next_kept", "sandwiched", "p_max_before5", "p_max_after5", "mass_before", "mass_after", "in_core",
                "core_before", "core_after"));
        STAGE2 = List.copyOf(s2);
    }

    private static final Pattern LIST = Pattern.compile("([-–•*·▪►]|\\d{1,2}[.)])\\s");
    /**
     * What follows the "@" of an e-mail address "[^\\s@]{1,64}@[^\\s@.]{1,63}(?:\\.[^\\s@.]{1,63}){0,8}\\.\\w{2,}" (bounded
     * parts: an unbounded "[^\\s@]+@\\S+" backtracks quadratically on a long block without spaces); see {@link #hasLink}.
     */
    private static final Pattern EMAIL_DOMAIN = Pattern.compile("[^\\s@.]{1,63}(?:\\.[^\\s@.]{1,63}){0,8}\\.\\w{2,}");

    private final ProbabilityModel stage1;
    private final ProbabilityModel stage2;
    private final double threshold;
    private final BlockLexicon lexicon;

    public BlockModel(ProbabilityModel stage1, ProbabilityModel stage2, double threshold, BlockLexicon lexicon) {
        this.stage1 = stage1;
        this.stage2 = stage2;
        this.threshold = threshold;
        this.lexicon = lexicon;
    }

    public BlockLexicon lexicon() {
        return lexicon;
    }

    public double threshold() {
        return threshold;
    }

    /** The same weights with another decision threshold (stored with the second stage). */
    public BlockModel withThreshold(double t) {
        return new BlockModel(stage1, stage2.withThreshold(t), t, lexicon);
    }

    public ProbabilityModel stage1() {
        return stage1;
    }

    public ProbabilityModel stage2() {
        return stage2;
    }

    /** The probability that each block is article text. */
    public double[] probabilities(BlockContext ctx) {
        BlockWords distinct = BlockWords.ofBlocks(ctx.blocks(), CONTENT_MIN_LENGTH, CONTENT_MAX_WORDS);
        double[][] f1 = stage1Features(ctx, distinct, lexicon);
        double[] p1 = new double[f1.length];
        for (int i = 0; i < f1.length; i++) {
            p1[i] = stage1.probability(f1[i]);
        }
        double[][] f2 = stage2Features(distinct, f1, p1);
        double[] p2 = new double[f2.length];
        for (int i = 0; i < f2.length; i++) {
            p2[i] = stage2.probability(f2[i]);
        }
        return p2;
    }

    /** @param words each block's content words ({@link #contentWords}), tokenized once for both stages */
    public static double[][] stage1Features(BlockContext ctx, List<List<String>> words, BlockLexicon lexicon) {
        return stage1Features(ctx, BlockWords.of(words), lexicon);
    }

    /** @param distinct each block's distinct content words, numbered once for both stages */
    private static double[][] stage1Features(BlockContext ctx, BlockWords distinct, BlockLexicon lexicon) {
        int n = ctx.blocks().size();
        BlockFeatures[] bf = ctx.features();
        BlockClass[] cls = ctx.classes();
        boolean[] repeated = repeatedTexts(ctx.blocks());
        int maxWords = 1;
        for (int i = 0; i < n; i++) {
            maxWords = Math.max(maxWords, bf[i].words());
        }
        int firstMarker = Integer.MAX_VALUE;
        int from = Math.max(0, ctx.regionStart());
        for (int i = from; i < n; i++) {
            Rule r = ctx.rules()[i];
            if (r != null && (r.kind() == RuleKind.END || r.kind() == RuleKind.RELATED) && i > ctx.regionStart()) {
                firstMarker = i;
                break;
            }
        }
        boolean[] goodInRegion = new boolean[n];
        for (int i = 0; i < n; i++) {
            goodInRegion[i] = cls[i] == BlockClass.GOOD && ctx.regionStart() >= 0 && i >= ctx.regionStart()
                    && i <= ctx.regionEnd();
        }
        int[] regionVocab = distinct.blocksPerWord(goodInRegion);
        float[] weights = lexicon.weights(distinct);
        double[][] lex = new double[n][];
        for (int i = 0; i < n; i++) {
            lex[i] = lexicon.features(distinct, i, weights);
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] f = new double[STAGE1.size()];
            String t = ctx.blocks().get(i).text();
            ownFeatures(f, bf[i], t);
            contextFeatures(f, i, ctx, repeated, maxWords, firstMarker);
            boolean selfInVocab = cls[i] == BlockClass.GOOD && f[11] == 1;
            f[41] = overlap(distinct.distinct[i], regionVocab, selfInVocab);
            System.arraycopy(lex[i], 0, f, 42, 4);
            String first = distinct.first(i); // the block's first content word
            f[46] = first == null ? 0 : lexicon.weight(first);
            f[47] = i > 0 ? lex[i - 1][0] : 0;
            f[48] = i + 1 < n ? lex[i + 1][0] : 0;
            out[i] = f;
        }
        return out;
    }

    /*
     * The features of a block are filled by three methods instead of one loop body, so that the JIT compiles three
     * small units: one large method was compiled about six times a run (a rare branch in anything it inlined threw
     * the whole of it away), some 700 ms of C2 time each.
     */

    /** The block's own features: its length, character classes and shape. */
    private static void ownFeatures(double[] f, BlockFeatures b, String t) {
        int w = b.words();
        f[0] = Math.log1p(w);
        f[1] = b.stopwordDensity();
        f[2] = b.terminal() ? 1 : 0;
        f[3] = b.capitalized();
        int digits = b.digits();
        int punct = b.punctuation();
        int letters = b.letters();
        int upper = b.upperLetters();
        int chars = Math.max(1, t.length());
        f[4] = (double) digits / chars;
        f[5] = (double) punct / chars;
        f[6] = Math.min(15, (double) chars / Math.max(1, w)) / 10;
        f[7] = Math.min(5, b.lines()) / 5.0;
        f[18] = hasSeparator(t) ? 1 : 0;
        f[19] = LIST.matcher(t).lookingAt() ? 1 : 0;
        f[20] = hasLink(t) ? 1 : 0;
        f[21] = w < 4 ? 1 : 0;
        f[22] = w >= 4 && w < 10 ? 1 : 0;
        f[23] = w >= 10 && w < 30 ? 1 : 0;
        f[24] = w >= 30 ? 1 : 0;
        f[37] = t.endsWith(":") ? 1 : 0;
        f[38] = letters > 3 && upper > 0.8 * letters && w <= 10 ? 1 : 0;
        f[39] = b.capitalized() > 0.6 && !b.terminal() && w >= 3 && w <= 15 ? 1 : 0;
        f[40] = t.endsWith("?") ? 1 : 0;
    }

    /** The block's place in the page and its neighbours' features. */
    private static void contextFeatures(double[] f, int i, BlockContext ctx, boolean[] repeated, int maxWords,
                                        int firstMarker) {
        int n = ctx.blocks().size();
        BlockFeatures[] bf = ctx.features();
        BlockClass[] cls = ctx.classes();
        int w = bf[i].words();
        f[8] = cls[i] == BlockClass.GOOD ? 1 : 0;
        f[9] = cls[i] == BlockClass.NEAR ? 1 : 0;
        f[10] = cls[i] == BlockClass.SHORT ? 1 : 0;
        boolean inRegion = ctx.regionStart() >= 0 && i >= ctx.regionStart() && i <= ctx.regionEnd();
        f[11] = inRegion ? 1 : 0;
        f[12] = ctx.heuristicKeep()[i] ? 1 : 0;
        f[13] = (double) i / n;
        f[14] = ctx.regionStart() < 0 ? 5 : Math.min(5, Math.max(0, ctx.regionStart() - i) / 10.0);
        f[15] = ctx.regionStart() < 0 ? 5 : Math.min(5, Math.max(0, i - ctx.regionEnd()) / 10.0);
        f[16] = i > firstMarker ? 1 : 0;
        f[17] = repeated[i] ? 1 : 0;
        int good = 0;
        int seen = 0;
        for (int k = Math.max(0, i - 3); k <= Math.min(n - 1, i + 3); k++) {
            if (k != i) {
                seen++;
                good += cls[k] == BlockClass.GOOD ? 1 : 0;
            }
        }
        f[25] = seen == 0 ? 0 : (double) good / seen;
        f[26] = (double) w / maxWords;
        if (i > 0) {
            f[27] = Math.log1p(bf[i - 1].words());
            f[28] = bf[i - 1].stopwordDensity();
            f[29] = cls[i - 1] == BlockClass.GOOD ? 1 : 0;
            f[30] = bf[i - 1].terminal() ? 1 : 0;
        }
        if (i + 1 < n) {
            f[31] = Math.log1p(bf[i + 1].words());
            f[32] = bf[i + 1].stopwordDensity();
            f[33] = cls[i + 1] == BlockClass.GOOD ? 1 : 0;
            f[34] = bf[i + 1].terminal() ? 1 : 0;
        }
        f[35] = i > 1 && cls[i - 2] == BlockClass.GOOD ? 1 : 0;
        f[36] = i + 2 < n && cls[i + 2] == BlockClass.GOOD ? 1 : 0;
    }

    public static double[][] stage2Features(BlockContext ctx, List<List<String>> words, double[][] stage1, double[] p1) {
        return stage2Features(BlockWords.of(words), stage1, p1);
    }

    private static double[][] stage2Features(BlockWords distinct, double[][] stage1, double[] p1) {
        int n = stage1.length;
        int d1 = STAGE1.size();
        boolean[] kept = new boolean[n];
        for (int i = 0; i < n; i++) {
            kept[i] = p1[i] >= 0.5;
        }
        int[] keptVocab = distinct.blocksPerWord(kept);
        // article mass: words weighted by the first stage's belief; the core is the run of blocks with the most of it
        double[] mass = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            mass[i] = p1[i] * stage1[i][0];
            total += mass[i];
        }
        double[] core = new double[n];
        for (int i = 0; i < n; i++) {
            core[i] = (p1[i] - 0.5) * (1 + stage1[i][0]);
        }
        int[] coreRun = MaxRun.of(core);
        int coreStart = coreRun[0];
        int coreEnd = coreRun[1];
        double before = 0;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] f = new double[STAGE2.size()];
            System.arraycopy(stage1[i], 0, f, 0, d1);
            f[d1 + 11] = total == 0 ? 0 : before / total;
            before += mass[i];
            f[d1 + 12] = total == 0 ? 0 : (total - before) / total;
            f[d1 + 13] = coreStart >= 0 && i >= coreStart && i <= coreEnd ? 1 : 0;
            f[d1 + 14] = coreStart < 0 ? 20 : Math.min(20, Math.max(0, coreStart - i));
            f[d1 + 15] = coreStart < 0 ? 20 : Math.min(20, Math.max(0, i - coreEnd));
            f[d1] = p1[i];
            f[d1 + 1] = i > 0 ? p1[i - 1] : 0;
            f[d1 + 2] = i + 1 < n ? p1[i + 1] : 0;
            f[d1 + 3] = mean(p1, i, 2);
            f[d1 + 4] = mean(p1, i, 5);
            f[d1 + 5] = overlap(distinct.distinct[i], keptVocab, p1[i] >= 0.5);
            int prev = -1;
            for (int k = i - 1; k >= 0; k--) {
                if (p1[k] >= 0.5) {
                    prev = k;
                    break;
                }
            }
            int next = -1;
            for (int k = i + 1; k < n; k++) {
                if (p1[k] >= 0.5) {
                    next = k;
                    break;
                }
            }
            f[d1 + 6] = prev < 0 ? 10 : Math.min(10, i - prev);
            f[d1 + 7] = next < 0 ? 10 : Math.min(10, next - i);
            f[d1 + 8] = prev >= 0 && next >= 0 && next - prev <= 4 ? 1 : 0;
            double mb = 0;
            double ma = 0;
            for (int k = Math.max(0, i - 5); k < i; k++) {
                mb = Math.max(mb, p1[k]);
            }
            for (int k = i + 1; k <= Math.min(n - 1, i + 5); k++) {
                ma = Math.max(ma, p1[k]);
            }
            f[d1 + 9] = mb;
            f[d1 + 10] = ma;
            out[i] = f;
        }
        return out;
    }

    /**
     * A web address ("http://", "https://" or "www.") or an e-mail address in the text: what {@code
     * find()} of "https?://|www\\." or of the e-mail pattern ({@link #EMAIL_DOMAIN}) finds. An e-mail match holds
     * one "@", so it is looked for at each "@" only: a character before it that is neither white space nor "@" (the
     * pattern's 1 to 64 of them can start there) and the domain right after it. The whole pattern's {@code find()}
     * tried it from every character of a block with an "@" (a Twitter handle in a long paragraph): 2.6% of the
     * cleaning's time on Tehran Times ×10.
     */
    static boolean hasLink(String t) {
        if (t.contains("://") && (t.contains("http://") || t.contains("https://")) || t.contains("www.")) {
            return true;
        }
        java.util.regex.Matcher domain = null;
        for (int at = t.indexOf('@', 1); at >= 0; at = t.indexOf('@', at + 1)) {
            char before = t.charAt(at - 1);
            if (before != '@' && !CharTable.isRegexSpace(before)) {
                domain = domain == null ? EMAIL_DOMAIN.matcher(t) : domain;
                if (domain.region(at + 1, t.length()).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A menu-like separator: "•" anywhere, or "|", "·", "/" between white space (one pass, no regex). */
    static boolean hasSeparator(String t) {
        // each character searched for by String.indexOf (vectorized) instead of a loop testing four per character:
        // most blocks hold none of them, and the loop was 2.5% of the cleaning's time
        return t.indexOf('•') >= 0 || spaced(t, '|') || spaced(t, '·') || spaced(t, '/');
    }

    /** Whether {@code c} stands somewhere with white space on both sides. */
    private static boolean spaced(String t, char c) {
        int n = t.length();
        for (int k = t.indexOf(c, 1); k >= 0 && k + 1 < n; k = t.indexOf(c, k + 1)) {
            if (CharTable.isRegexSpace(t.charAt(k - 1)) && CharTable.isRegexSpace(t.charAt(k + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Which blocks' texts occur more than once in the page. Two texts of different lengths differ, so the blocks are
     * grouped by length first and only a group of two or more is compared: counting every text in a hash map hashed
     * every paragraph of every page in full (2% of the cleaning's time), for the few short repeated lines.
     */
    static boolean[] repeatedTexts(List<io.archivebatch.core.model.Block> blocks) {
        int n = blocks.size();
        boolean[] repeated = new boolean[n];
        long[] byLength = new long[n];
        for (int i = 0; i < n; i++) {
            byLength[i] = (long) blocks.get(i).text().length() << 32 | i;
        }
        java.util.Arrays.sort(byLength);
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && byLength[to] >>> 32 == byLength[from] >>> 32) {
                to++;
            }
            if (to - from == 2) {
                int a = (int) byLength[from];
                int b = (int) byLength[from + 1];
                boolean same = blocks.get(a).text().equals(blocks.get(b).text());
                repeated[a] = same;
                repeated[b] = same;
            } else if (to - from > 2) {
                Map<String, Integer> counts = new HashMap<>();
                for (int k = from; k < to; k++) {
                    counts.merge(blocks.get((int) byLength[k]).text(), 1, Integer::sum);
                }
                for (int k = from; k < to; k++) {
                    int i = (int) byLength[k];
                    repeated[i] = counts.get(blocks.get(i).text()) > 1;
                }
            }
            from = to;
        }
        return repeated;
    }

    /** Lowercase words of {@value #CONTENT_MIN_LENGTH}+ letters of each block, its first {@value #CONTENT_MAX_WORDS}. */
    public static List<List<String>> contentWords(BlockContext ctx) {
        return contentWords(ctx.blocks(), CONTENT_MIN_LENGTH, CONTENT_MAX_WORDS);
    }

    static List<List<String>> contentWords(List<io.archivebatch.core.model.Block> blocks, int minLength, int max) {
        List<List<String>> out = new ArrayList<>(blocks.size());
        for (var b : blocks) {
            List<String> ws = new ArrayList<>();
            for (String w : b.words()) {
                if (w.length() >= minLength) {
                    ws.add(w);
                    if (ws.size() >= max) {
                        break;
                    }
                }
            }
            out.add(ws);
        }
        return out;
    }

    /**
     * Share of a block's distinct words ({@link BlockWords} numbers) used by the other blocks of the vocabulary (in
     * how many blocks each word occurs; the block's own use discounted).
     */
    private static double overlap(int[] distinct, int[] vocab, boolean selfCounted) {
        if (distinct.length == 0) {
            return 0;
        }
        int self = selfCounted ? 1 : 0;
        int hit = 0;
        for (int id : distinct) {
            hit += vocab[id] - self > 0 ? 1 : 0;
        }
        return (double) hit / distinct.length;
    }

    private static double mean(double[] p, int i, int r) {
        double s = 0;
        int c = 0;
        for (int k = Math.max(0, i - r); k <= Math.min(p.length - 1, i + r); k++) {
            if (k != i) {
                s += p[k];
                c++;
            }
        }
        return c == 0 ? 0 : s / c;
    }

    /**
     * The shipped model, or null when the resources are absent (then the heuristic decides alone). Read once per
     * JVM: a run builds a processor per partition, and the model is never changed after it is read.
     */
    public static BlockModel builtin() {
        return Shipped.MODEL;
    }

    /** Holds the shipped model, read when first asked for. */
    private static final class Shipped {
        static final BlockModel MODEL = readBuiltin();
    }

    private static BlockModel readBuiltin() {
        try (InputStream a = BlockModel.class.getResourceAsStream("/io/archivebatch/core/block-model-1.tsv");
             InputStream b = BlockModel.class.getResourceAsStream("/io/archivebatch/core/block-model-2.tsv");
             InputStream c = BlockModel.class.getResourceAsStream("/io/archivebatch/core/block-lexicon.tsv")) {
            if (a == null || b == null || c == null) {
                return null;
            }
            ProbabilityModel m1 = ProbabilityModel.read(a, STAGE1);
            ProbabilityModel m2 = ProbabilityModel.read(b, STAGE2);
            return new BlockModel(m1, m2, m2.threshold(), BlockLexicon.read(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BlockModel(threshold %.2f)", threshold);
    }
}
