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
        int k = Listwise.argmax(rows(d), m::score);
        return k >= 0 && d.labels().get(k);
    }

    private static double[][] rows(Doc d) {
        double[][] x = new double[d.candidates().size()][];
        for (int k = 0; k < x.length; k++) {
            x[k] = d.candidates().get(k).features();
        }
        return x;
    }

    private static LogisticModel fit(List<Doc> docs, int heldOutFold, boolean holdOut) {
        List<Listwise.Page> pages = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (!(holdOut && i % FOLDS == heldOutFold)) {
                pages.add(new Listwise.Page(rows(docs.get(i)), docs.get(i).labels().indexOf(true)));
            }
        }
        return Listwise.fit(TitleExtractor.FEATURES, pages);
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
