package io.archivebatch.core.learn;

import io.archivebatch.core.eval.Scorer;
import io.archivebatch.core.extract.DocumentView;
import io.archivebatch.core.extract.TitleExtractor;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.RejectedInputException;
import io.archivebatch.core.ingest.TextDumpReader;
import io.archivebatch.core.pipeline.DocumentProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Learns the headline model from a labelled set: every candidate line of every page is a row, labelled 1 when it
 * equals the gold title; fitted listwise (softmax over a page's candidates). Reports k-fold cross-validated accuracy (folds by document) before fitting on all pages.
 */
public final class TitleTrainer {

    private record Doc(List<TitleExtractor.Candidate> candidates, List<Boolean> labels, boolean hasGold) {
    }

    /** Cross-validated accuracy and the model fitted on everything. */
    public record Result(double cvAccuracy, int documents, int documentsWithCandidate, LogisticModel model) {
        public String summary() {
            return String.format(Locale.ROOT,
                    "title model: %d-fold cross-validated accuracy %.3f on %d pages (%d have the title as a line)",
                    FOLDS, cvAccuracy, documents, documentsWithCandidate);
        }
    }

    static final int FOLDS = 5;

    public Result train(Path labelledSet, DocumentProcessor processor, Consumer<String> progress) throws IOException {
        List<Doc> docs = load(labelledSet, processor);
        int correct = 0;
        int withCandidate = 0;
        for (Doc d : docs) {
            if (d.labels().contains(true)) {
                withCandidate++;
            }
        }
        for (int fold = 0; fold < FOLDS; fold++) {
            LogisticModel m = fit(docs, fold, true);
            for (int i = fold; i < docs.size(); i += FOLDS) {
                correct += argmaxIsTitle(m, docs.get(i)) ? 1 : 0;
            }
            if (progress != null) {
                progress.accept("fold " + (fold + 1) + " of " + FOLDS + " done");
            }
        }
        LogisticModel all = fit(docs, -1, false);
        return new Result((double) correct / docs.size(), docs.size(), withCandidate, all);
    }

    private static boolean argmaxIsTitle(LogisticModel m, Doc d) {
        double best = Double.NEGATIVE_INFINITY;
        boolean label = false;
        for (int k = 0; k < d.candidates().size(); k++) {
            double s = m.score(d.candidates().get(k).features());
            if (s > best) {
                best = s;
                label = d.labels().get(k);
            }
        }
        return label;
    }

    /**
     * Listwise fit: for each page with a positive candidate, the softmax over its candidates' scores should put
     * its mass on the true title (the objective is exactly "the argmax is the title"). L2-regularized gradient ascent.
     */
    private static LogisticModel fit(List<Doc> docs, int heldOutFold, boolean holdOut) {
        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (!(holdOut && i % FOLDS == heldOutFold)) {
                for (TitleExtractor.Candidate c : docs.get(i).candidates()) {
                    all.add(c.features());
                }
            }
        }
        int d = TitleExtractor.FEATURES.size();
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] r : all) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / all.size();
            }
        }
        for (double[] r : all) {
            for (int j = 0; j < d; j++) {
                std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / all.size();
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
            for (int i = 0; i < docs.size(); i++) {
                if (holdOut && i % FOLDS == heldOutFold) {
                    continue;
                }
                Doc doc = docs.get(i);
                int pos = doc.labels().indexOf(true);
                if (pos < 0) {
                    continue;
                }
                used++;
                int m = doc.candidates().size();
                double[][] z = new double[m][d];
                double[] s = new double[m];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < m; k++) {
                    double[] x = doc.candidates().get(k).features();
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
        return new LogisticModel(TitleExtractor.FEATURES, mean, std, w, 0);
    }

    private static List<Doc> load(Path dir, DocumentProcessor processor) throws IOException {
        TextDumpReader reader = new TextDumpReader();
        TitleExtractor titles = new TitleExtractor();
        List<Path> golds;
        try (Stream<Path> s = Files.list(dir.resolve("gold"))) {
            golds = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<Doc> docs = new ArrayList<>();
        for (Path gp : golds) {
            String goldTitle = io.archivebatch.core.eval.GoldRecord.read(gp).title();
            if (goldTitle == null) {
                continue;
            }
            String id = gp.getFileName().toString().replaceFirst("\\.json$", "");
            Path dump = dir.resolve("dumps").resolve(id + ".txt");
            if (!Files.exists(dump)) {
                continue;
            }
            DocumentProcessor.Trace tr;
            try {
                tr = processor.trace(reader.read(new InputFile(dump, dump.toString(), Files.size(dump), 0)));
            } catch (RejectedInputException e) {
                continue;
            }
            if (tr.clean() == null) {
                continue;
            }
            DocumentView view = new DocumentView(dump.toString(), null, tr.blocks(), tr.clean());
            List<TitleExtractor.Candidate> cands = titles.candidates(view);
            List<Boolean> labels = new ArrayList<>();
            for (TitleExtractor.Candidate c : cands) {
                labels.add(Scorer.sameText(view.text(c.block()), goldTitle));
            }
            docs.add(new Doc(cands, labels, true));
        }
        return docs;
    }
}
