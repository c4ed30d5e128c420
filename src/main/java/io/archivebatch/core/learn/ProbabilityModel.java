package io.archivebatch.core.learn;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A binary classifier over a fixed feature vector, with its decision threshold. */
public interface ProbabilityModel {

    double probability(double[] features);

    double threshold();

    ProbabilityModel withThreshold(double t);

    void write(Writer w) throws IOException;

    /**
     * Reads any model file format: a blend of models ({@link BlendedModel}), boosted trees (has a {@code features}
     * line) or logistic weights.
     */
    static ProbabilityModel read(InputStream raw, List<String> expected) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(1 << 16);
        byte[] head = in.readNBytes(1 << 12);
        in.reset();
        String s = new String(head, StandardCharsets.UTF_8);
        if (BlendedModel.isBlend(s)) {
            return BlendedModel.read(in, expected);
        }
        boolean trees = s.lines().anyMatch(l -> l.startsWith("features\t"));
        return trees ? BoostedTrees.read(in, expected) : LogisticModel.read(in, expected);
    }
}
