package io.archivebatch.core.learn;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A weighted mean of other models' probabilities: {@code sum(w_i p_i) / sum(w_i)}. The HTML headline chooser blends
 * boosted trees (which see how the sources interact) with the listwise linear model (which ranks the candidates of
 * one page against each other), and the blend chooses better than either alone.
 *
 * <p>File format: a {@code blend} line with the weights, then each member's own file after a {@code --- model} line.
 */
public final class BlendedModel implements ProbabilityModel {

    static final String HEADER = "blend";
    private static final String MEMBER = "--- model";

    private final List<ProbabilityModel> members;
    private final double[] weights;
    private final double total;
    private final double threshold;

    public BlendedModel(List<ProbabilityModel> members, double[] weights) {
        this(members, weights, 0.5);
    }

    private BlendedModel(List<ProbabilityModel> members, double[] weights, double threshold) {
        if (members.isEmpty() || members.size() != weights.length) {
            throw new IllegalArgumentException(members.size() + " models and " + weights.length + " weights");
        }
        double t = 0;
        for (double w : weights) {
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("a blend weight must be positive and finite: " + w);
            }
            t += w;
        }
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        this.total = t;
        this.threshold = threshold;
    }

    @Override
    public double probability(double[] features) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i] * members.get(i).probability(features);
        }
        return s / total;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public BlendedModel withThreshold(double t) {
        return new BlendedModel(members, weights, t);
    }

    @Override
    public void write(Writer w) throws IOException {
        w.write("# weighted mean of the models below, written by archive-batch (train-title --html)\n");
        StringBuilder line = new StringBuilder(HEADER);
        for (double x : weights) {
            line.append('\t').append(String.format(Locale.ROOT, "%.6f", x));
        }
        w.write(line.append('\n').toString());
        if (threshold != 0.5) {
            w.write(String.format(Locale.ROOT, "threshold\t%.4f%n", threshold));
        }
        for (ProbabilityModel m : members) {
            w.write(MEMBER + "\n");
            m.write(w);
        }
    }

    /** Whether a model file's first lines are those of a blend. */
    static boolean isBlend(String head) {
        return head.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst()
                .map(l -> l.startsWith(HEADER + "\t")).orElse(false);
    }

    /** Reads a blend; every member must have the expected features. */
    public static BlendedModel read(InputStream in, List<String> expected) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        double[] weights = null;
        double threshold = 0.5;
        List<StringBuilder> parts = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.equals(MEMBER)) {
                parts.add(new StringBuilder());
            } else if (!parts.isEmpty()) {
                parts.get(parts.size() - 1).append(line).append('\n');
            } else if (line.startsWith(HEADER + "\t")) {
                String[] f = line.split("\t");
                weights = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    weights[i - 1] = Double.parseDouble(f[i]);
                }
            } else if (line.startsWith("threshold\t")) {
                threshold = Double.parseDouble(line.substring("threshold\t".length()));
            }
        }
        if (weights == null || weights.length != parts.size()) {
            throw new IllegalStateException("a blend file needs a 'blend' line with one weight per '" + MEMBER
                    + "' section; found " + (weights == null ? "no weights" : weights.length + " weights") + " and "
                    + parts.size() + " sections");
        }
        List<ProbabilityModel> members = new ArrayList<>();
        for (StringBuilder p : parts) {
            members.add(ProbabilityModel.read(new ByteArrayInputStream(p.toString().getBytes(StandardCharsets.UTF_8)),
                    expected));
        }
        return new BlendedModel(members, weights, threshold);
    }
}
