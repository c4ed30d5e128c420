package io.archivebatch.core.learn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A logistic-regression scorer over standardized features: p = σ(b + Σ wᵢ·(xᵢ − μᵢ)/σᵢ). Stored as a small TSV
 * resource (feature name, mean, std, weight), deterministic at run time.
 */
public final class LogisticModel implements ProbabilityModel {

    private final List<String> names;
    private final double[] mean;
    private final double[] std;
    private final double[] weight;
    private final double bias;
    private double threshold = 0.5;

    public LogisticModel(List<String> names, double[] mean, double[] std, double[] weight, double bias) {
        this.names = List.copyOf(names);
        this.mean = mean.clone();
        this.std = std.clone();
        this.weight = weight.clone();
        this.bias = bias;
    }

    public double score(double[] x) {
        double z = bias;
        for (int i = 0; i < weight.length; i++) {
            z += weight[i] * (x[i] - mean[i]) / std[i];
        }
        return z;
    }

    @Override
    public double probability(double[] x) {
        return 1 / (1 + Math.exp(-score(x)));
    }

    public List<String> names() {
        return names;
    }

    /** The decision threshold on the probability (0.5 unless tuned and stored with the model). */
    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public LogisticModel withThreshold(double t) {
        LogisticModel m = new LogisticModel(names, mean, std, weight, bias);
        m.threshold = t;
        return m;
    }

    @Override
    public void write(Writer w) throws IOException {
        w.write("# feature\tmean\tstd\tweight (logistic regression; written by the train command)\n");
        w.write(String.format(Locale.ROOT, "(bias)\t0\t1\t%.6f%n", bias));
        if (threshold != 0.5) {
            w.write(String.format(Locale.ROOT, "(threshold)\t0\t1\t%.6f%n", threshold));
        }
        for (int i = 0; i < names.size(); i++) {
            w.write(String.format(Locale.ROOT, "%s\t%.6f\t%.6f\t%.6f%n", names.get(i), mean[i], std[i], weight[i]));
        }
    }

    /** Reads a model resource; the feature names must be the expected ones, in order. */
    public static LogisticModel read(InputStream in, List<String> expected) {
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        double bias = 0;
        double threshold = 0.5;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("(bias)")) {
                    bias = Double.parseDouble(f[3]);
                    continue;
                }
                if (f[0].equals("(threshold)")) {
                    threshold = Double.parseDouble(f[3]);
                    continue;
                }
                names.add(f[0]);
                rows.add(new double[]{Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!names.equals(expected)) {
            throw new IllegalStateException("model features " + names + " do not match the code's " + expected);
        }
        double[] mean = new double[rows.size()];
        double[] std = new double[rows.size()];
        double[] w = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            mean[i] = rows.get(i)[0];
            std[i] = rows.get(i)[1];
            w[i] = rows.get(i)[2];
        }
        return new LogisticModel(names, mean, std, w, bias).withThreshold(threshold);
    }
}
