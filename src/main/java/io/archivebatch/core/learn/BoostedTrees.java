package io.archivebatch.core.learn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Gradient-boosted regression trees for binary classification (logistic loss; Friedman 2001), with histogram
 * splits on quantile bins as in LightGBM. Small and deterministic: fixed depth, fixed number of trees; each tree
 * searches its splits on alternating halves of the rows (even rows, then odd), which halves the cost and regularizes.
 * Stored as TSV, one node a line.
 */
public final class BoostedTrees implements ProbabilityModel {

    /** A complete binary tree of the given depth in array layout: node k has children 2k+1 and 2k+2. */
    record Tree(int[] feature, double[] threshold, double[] leaf) {
        double predict(double[] x) {
            int k = 0;
            int inner = feature.length;
            while (k < inner) {
                k = x[feature[k]] <= threshold[k] ? 2 * k + 1 : 2 * k + 2;
            }
            return leaf[k - inner];
        }
    }

    /** L2 penalty on leaf values and the least hessian (≈ weighted rows) a leaf may hold. */
    static final double LAMBDA = 1;
    static final double MIN_HESSIAN = 1;

    private final List<String> names;
    private final double base;
    private final double rate;
    private final List<Tree> trees;
    private double threshold = 0.5;
    /*
     * The trees again, one after another in three flat arrays when they all have the same depth (as fit makes them):
     * a prediction walks them without a pointer per tree, and each step down is arithmetic (2k+1, plus one when the
     * value is not at most the threshold) rather than a branch the processor has to guess per block.
     */
    private final int inner; // inner nodes per tree, or -1 when the trees differ in depth
    private final int[] features;
    private final double[] thresholds;
    private final double[] leaves;

    BoostedTrees(List<String> names, double base, double rate, List<Tree> trees) {
        this.names = List.copyOf(names);
        this.base = base;
        this.rate = rate;
        this.trees = List.copyOf(trees);
        int n = trees.isEmpty() ? 0 : trees.get(0).feature().length;
        boolean same = true;
        for (Tree t : trees) {
            same &= t.feature().length == n && t.leaf().length == n + 1;
        }
        inner = same ? n : -1;
        features = new int[same ? n * trees.size() : 0];
        thresholds = new double[features.length];
        leaves = new double[same ? (n + 1) * trees.size() : 0];
        if (same) {
            for (int i = 0; i < trees.size(); i++) {
                System.arraycopy(trees.get(i).feature(), 0, features, i * n, n);
                System.arraycopy(trees.get(i).threshold(), 0, thresholds, i * n, n);
                System.arraycopy(trees.get(i).leaf(), 0, leaves, i * (n + 1), n + 1);
            }
        }
    }

    @Override
    public double probability(double[] x) {
        if (inner < 0) {
            return probabilityTreeByTree(x);
        }
        double z = base;
        int count = trees.size();
        for (int i = 0, nodes = 0, leaf = 0; i < count; i++, nodes += inner, leaf += inner + 1) {
            int k = 0;
            while (k < inner) {
                int at = nodes + k;
                k = 2 * k + (x[features[at]] <= thresholds[at] ? 1 : 2);
            }
            z += rate * leaves[leaf + k - inner];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** {@link #probability} one {@link Tree} object after another: for trees of different depths. */
    double probabilityTreeByTree(double[] x) {
        double z = base;
        for (Tree t : trees) {
            z += rate * t.predict(x);
        }
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public BoostedTrees withThreshold(double t) {
        BoostedTrees b = new BoostedTrees(names, base, rate, trees);
        b.threshold = t;
        return b;
    }

    public List<String> names() {
        return names;
    }

    /** Fits {@code rounds} trees of {@code depth} levels on rows x with 0/1 labels y. */
    public static BoostedTrees fit(List<String> names, List<double[]> x, int[] y, int rounds, int depth, double rate, int bins) {
        int n = x.size();
        int d = names.size();
        // quantile bin edges per feature
        double[][] edges = new double[d][];
        double[] col = new double[n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                col[i] = x.get(i)[j];
            }
            double[] sorted = col.clone();
            Arrays.sort(sorted);
            double[] e = new double[bins - 1];
            int m = 0;
            for (int b = 1; b < bins; b++) {
                double v = sorted[(int) ((long) b * (n - 1) / bins)];
                if (m == 0 || v > e[m - 1]) {
                    e[m++] = v;
                }
            }
            edges[j] = Arrays.copyOf(e, m);
        }
        byte[][] binned = new byte[d][n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                int b = Arrays.binarySearch(edges[j], x.get(i)[j]);
                binned[j][i] = (byte) (b >= 0 ? b : -b - 1);
            }
        }
        double pos = 0;
        for (int v : y) {
            pos += v;
        }
        double p0 = Math.min(0.999, Math.max(0.001, pos / n));
        double base = Math.log(p0 / (1 - p0));
        double[] z = new double[n];
        Arrays.fill(z, base);
        List<Tree> trees = new ArrayList<>();
        int inner = (1 << depth) - 1;
        int[] node = new int[n];
        double[] g = new double[n];
        double[] h = new double[n];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-z[i]));
                g[i] = p - y[i];
                h[i] = Math.max(1e-6, p * (1 - p));
            }
            int[] feature = new int[inner];
            double[] thr = new double[inner];
            Arrays.fill(node, 0);
            for (int level = 0; level < depth; level++) {
                int first = (1 << level) - 1;
                int count = 1 << level;
                double[][][] gh = new double[count][][];
                for (int c = 0; c < count; c++) {
                    gh[c] = new double[d * 2][bins + 1];
                }
                for (int j = 0; j < d; j++) {
                    byte[] bj = binned[j];
                    for (int i = (round & 1); i < n; i += 2) {
                        int c = node[i] - first;
                        gh[c][2 * j][bj[i]] += g[i];
                        gh[c][2 * j + 1][bj[i]] += h[i];
                    }
                }
                for (int c = 0; c < count; c++) {
                    double bestGain = -1;
                    int bestF = 0;
                    int bestBin = -1;
                    double[] gs = gh[c][0];
                    double[] hs = gh[c][1];
                    double gt = 0;
                    double ht = 0;
                    for (int b = 0; b <= bins; b++) {
                        gt += gs[b];
                        ht += hs[b];
                    }
                    for (int j = 0; j < d; j++) {
                        double gl = 0;
                        double hl = 0;
                        double[] gj = gh[c][2 * j];
                        double[] hj = gh[c][2 * j + 1];
                        for (int b = 0; b < edges[j].length; b++) {
                            gl += gj[b];
                            hl += hj[b];
                            double gr = gt - gl;
                            double hr = ht - hl;
                            if (hl < MIN_HESSIAN || hr < MIN_HESSIAN) {
                                continue;
                            }
                            double gain = gl * gl / (hl + LAMBDA) + gr * gr / (hr + LAMBDA) - gt * gt / (ht + LAMBDA);
                            if (gain > bestGain) {
                                bestGain = gain;
                                bestF = j;
                                bestBin = b;
                            }
                        }
                    }
                    feature[first + c] = bestF;
                    thr[first + c] = bestBin >= 0 ? edges[bestF][bestBin] : Double.POSITIVE_INFINITY;
                }
                for (int i = 0; i < n; i++) {
                    int k = node[i];
                    node[i] = x.get(i)[feature[k]] <= thr[k] ? 2 * k + 1 : 2 * k + 2;
                }
            }
            double[] sg = new double[inner + 1];
            double[] sh = new double[inner + 1];
            for (int i = 0; i < n; i++) {
                int leaf = node[i] - inner;
                sg[leaf] += g[i];
                sh[leaf] += h[i];
            }
            double[] leaf = new double[inner + 1];
            for (int l = 0; l <= inner; l++) {
                leaf[l] = -sg[l] / (sh[l] + LAMBDA);
            }
            Tree t = new Tree(feature, thr, leaf);
            trees.add(t);
            for (int i = 0; i < n; i++) {
                z[i] += rate * leaf[node[i] - inner];
            }
        }
        return new BoostedTrees(names, base, rate, trees);
    }

    @Override
    public void write(Writer w) throws IOException {
        w.write("# gradient-boosted trees (logistic loss), written by archive-batch (train-blocks, train-title --html)\n");
        w.write("features\t" + String.join(",", names) + "\n");
        w.write(String.format(Locale.ROOT, "base\t%.8f%nrate\t%.6f%nthreshold\t%.4f%n", base, rate, threshold));
        for (Tree t : trees) {
            StringBuilder sb = new StringBuilder("tree");
            for (int k = 0; k < t.feature().length; k++) {
                sb.append('\t').append(t.feature()[k]).append(':').append(String.format(Locale.ROOT, "%.8g", t.threshold()[k]));
            }
            sb.append("\t|");
            for (double v : t.leaf()) {
                sb.append('\t').append(String.format(Locale.ROOT, "%.8g", v));
            }
            w.write(sb.append('\n').toString());
        }
    }

    public static BoostedTrees read(InputStream in, List<String> expected) {
        List<Tree> trees = new ArrayList<>();
        double base = 0;
        double rate = 0.1;
        double threshold = 0.5;
        List<String> names = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "features" -> names = List.of(f[1].split(","));
                    case "base" -> base = Double.parseDouble(f[1]);
                    case "rate" -> rate = Double.parseDouble(f[1]);
                    case "threshold" -> threshold = Double.parseDouble(f[1]);
                    case "tree" -> {
                        int bar = Arrays.asList(f).indexOf("|");
                        int[] feat = new int[bar - 1];
                        double[] thr = new double[bar - 1];
                        for (int k = 1; k < bar; k++) {
                            String[] p = f[k].split(":");
                            feat[k - 1] = Integer.parseInt(p[0]);
                            thr[k - 1] = p[1].equals("Infinity") ? Double.POSITIVE_INFINITY : Double.parseDouble(p[1]);
                        }
                        double[] leaf = new double[f.length - bar - 1];
                        for (int k = bar + 1; k < f.length; k++) {
                            leaf[k - bar - 1] = Double.parseDouble(f[k]);
                        }
                        trees.add(new Tree(feat, thr, leaf));
                    }
                    default -> throw new IllegalStateException("unknown line in a tree model: " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!expected.equals(names)) {
            throw new IllegalStateException("tree model features " + names + " do not match the code's " + expected);
        }
        return new BoostedTrees(names, base, rate, trees).withThreshold(threshold);
    }
}
