package io.archivebatch.core.learn;

import java.util.List;

/**
 * Fits a {@link LogisticModel} by full-batch gradient descent with L2 regularization on standardized features.
 * Small data (thousands of rows, tens of features): plain loops, deterministic.
 */
public final class LogisticTrainer {

    private final double l2;
    private final int iterations;
    private final double rate;

    public LogisticTrainer(double l2, int iterations, double rate) {
        this.l2 = l2;
        this.iterations = iterations;
        this.rate = rate;
    }

    public LogisticTrainer() {
        this(1e-3, 600, 0.5);
    }

    /** @param x rows of features; @param y labels (0/1); @param positiveWeight weight of positive rows */
    public LogisticModel fit(List<String> names, List<double[]> x, List<Integer> y, double positiveWeight) {
        int d = names.size();
        int n = x.size();
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j]);
            if (std[j] < 1e-9) {
                std[j] = 1;
            }
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x.get(i)[j] - mean[j]) / std[j];
            }
        }
        double[] w = new double[d];
        double b = 0;
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            totalWeight += y.get(i) == 1 ? positiveWeight : 1;
        }
        for (int it = 0; it < iterations; it++) {
            double[] gw = new double[d];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double s = b;
                for (int j = 0; j < d; j++) {
                    s += w[j] * z[i][j];
                }
                double p = 1 / (1 + Math.exp(-s));
                double weight = y.get(i) == 1 ? positiveWeight : 1;
                double err = (p - y.get(i)) * weight;
                for (int j = 0; j < d; j++) {
                    gw[j] += err * z[i][j];
                }
                gb += err;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= rate * (gw[j] / totalWeight + l2 * w[j]);
            }
            b -= rate * gb / totalWeight;
        }
        return new LogisticModel(names, mean, std, w, b);
    }
}
