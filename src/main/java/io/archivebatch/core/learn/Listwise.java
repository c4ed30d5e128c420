package io.archivebatch.core.learn;

import java.util.List;

/**
 * Listwise logistic regression: each page offers candidates (feature rows), one of them right; the softmax over a
 * page's candidate scores should put its mass on the right one, so the objective is exactly "the argmax is right".
 * Features are standardized; L2-regularized gradient ascent. Used for the headline of text dumps and of HTML pages.
 */
public final class Listwise {

    private Listwise() {
    }

    /** One page: its candidates' features and the index of the right one (-1: none is right, the page is skipped). */
    public record Page(double[][] candidates, int right) {
    }

    public static LogisticModel fit(List<String> names, List<Page> pages) {
        int d = names.size();
        double[] mean = new double[d];
        double[] std = new double[d];
        long rows = 0;
        for (Page p : pages) {
            rows += p.candidates().length;
        }
        if (rows == 0) {
            return new LogisticModel(names, mean, ones(d), new double[d], 0);
        }
        for (Page p : pages) {
            for (double[] r : p.candidates()) {
                for (int j = 0; j < d; j++) {
                    mean[j] += r[j] / rows;
                }
            }
        }
        for (Page p : pages) {
            for (double[] r : p.candidates()) {
                for (int j = 0; j < d; j++) {
                    std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = std[j] < 1e-12 ? 1 : Math.sqrt(std[j]);
        }
        double[] w = new double[d];
        double rate = 0.5;
        double l2 = 1e-3;
        for (int it = 0; it < 400; it++) {
            double[] grad = new double[d];
            int used = 0;
            for (Page page : pages) {
                int pos = page.right();
                if (pos < 0) {
                    continue;
                }
                used++;
                int m = page.candidates().length;
                double[][] z = new double[m][d];
                double[] s = new double[m];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < m; k++) {
                    double[] x = page.candidates()[k];
                    for (int j = 0; j < d; j++) {
                        z[k][j] = (x[j] - mean[j]) / std[j];
                        s[k] += w[j] * z[k][j];
                    }
                    max = Math.max(max, s[k]);
                }
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    s[k] = Math.exp(s[k] - max);
                    sum += s[k];
                }
                for (int j = 0; j < d; j++) {
                    double expected = 0;
                    for (int k = 0; k < m; k++) {
                        expected += s[k] / sum * z[k][j];
                    }
                    grad[j] += z[pos][j] - expected;
                }
            }
            for (int j = 0; j < d; j++) {
                w[j] += rate * (grad[j] / Math.max(1, used) - l2 * w[j]);
            }
        }
        return new LogisticModel(names, mean, std, w, 0);
    }

    /** The index of the best-scored candidate, -1 for none. */
    public static int argmax(double[][] candidates, java.util.function.ToDoubleFunction<double[]> score) {
        int best = -1;
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < candidates.length; k++) {
            double s = score.applyAsDouble(candidates[k]);
            if (s > top) {
                top = s;
                best = k;
            }
        }
        return best;
    }

    private static double[] ones(int d) {
        double[] o = new double[d];
        java.util.Arrays.fill(o, 1);
        return o;
    }
}
