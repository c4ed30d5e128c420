package io.archivebatch.core.learn;

import io.archivebatch.core.clean.BlockLexicon;
import io.archivebatch.core.clean.BlockModel;
import io.archivebatch.core.eval.EvalReport;
import io.archivebatch.core.eval.Evaluator;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.RejectedInputException;
import io.archivebatch.core.ingest.TextDumpReader;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Learns the block classifier from a labelled set. Pages are split into {@value #FOLDS} folds (by sorted id); each
 * fold's pages are cleaned by a model trained on the other folds and scored with the corpus metrics, so the reported
 * figures are cross-validated, never measured on training pages. The shipped model is then fitted on all pages.
 */
public final class BlockTrainer {

    static final int FOLDS = 5;
    // tried: depth 5, 200 rounds, rate 0.1, leaf L2 5 gave the same cross-validated figures, slower
    static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5};
    static final int ROUNDS = 150;
    static final int DEPTH = 4;
    // tried with the lexicon: 250 rounds at rate 0.1 gave word F1 0.928 / shingle 0.923, as these settings do
    static final double RATE = 0.15;
    static final int BINS = 32;
    /** Inner folds of a training set, for the leak-free features and probabilities stage 2 learns from. */
    static final int INNER = 4;
    // tried: a third stage over the second one's probabilities (auto-context) gained nothing once the page-level
    // decoding was in place; window features (mean and max length of the ten neighbours) neither

    private record Doc(String id, io.archivebatch.core.clean.BlockContext context, List<List<String>> words,
                       boolean[] labels) {
    }

    /** Cross-validated evaluation and the model fitted on all pages. */
    public record Result(EvalReport crossValidated, EvalReport crossValidatedHtml, BlockModel model, int pages, int blocks) {
    }

    public Result train(Path dir, CleaningConfig base, Consumer<String> progress) throws IOException {
        DocumentProcessor heuristic = new DocumentProcessor(base.withBlockModel(null));
        List<Doc> docs = load(dir, heuristic);
        Map<String, Integer> foldOf = new HashMap<>();
        int blocks = 0;
        for (int i = 0; i < docs.size(); i++) {
            foldOf.put(docs.get(i).id(), i % FOLDS);
            blocks += docs.get(i).labels().length;
        }
        BlockModel[] models = new BlockModel[FOLDS];
        for (int k = 0; k < FOLDS; k++) {
            models[k] = fit(docs, k);
            if (progress != null) {
                progress.accept("fold " + (k + 1) + " of " + FOLDS + " trained");
            }
        }
        // the decision threshold is chosen on the cross-validated figures too: the best word F1 + shingle F1
        EvalReport best = null;
        double bestThreshold = 0.5;
        for (double t : THRESHOLDS) {
            DocumentProcessor[] perFold = new DocumentProcessor[FOLDS];
            for (int k = 0; k < FOLDS; k++) {
                perFold[k] = new DocumentProcessor(base.withBlockModel(models[k].withThreshold(t)));
            }
            EvalReport cv = new Evaluator().evaluate(dir, Evaluator.Mode.TEXT,
                    id -> foldOf.containsKey(id) ? perFold[foldOf.get(id)] : heuristic, null);
            if (progress != null) {
                progress.accept(String.format(java.util.Locale.ROOT,
                        "threshold %.2f: word F1 %.3f, shingle %.3f, with %.3f, without %.3f",
                        t, cv.wordF1(), cv.shingleF1(), cv.with(), cv.without()));
            }
            if (best == null || cv.wordF1() + cv.shingleF1() > best.wordF1() + best.shingleF1()) {
                best = cv;
                bestThreshold = t;
            }
        }
        // the same folds on the original pages (html/), when the set has them: the HTML reader feeds the classifier
        EvalReport html = null;
        if (Files.isDirectory(dir.resolve("html"))) {
            DocumentProcessor[] perFold = new DocumentProcessor[FOLDS];
            for (int k = 0; k < FOLDS; k++) {
                perFold[k] = new DocumentProcessor(base.withBlockModel(models[k].withThreshold(bestThreshold)));
            }
            html = new Evaluator().evaluate(dir, Evaluator.Mode.HTML,
                    id -> foldOf.containsKey(id) ? perFold[foldOf.get(id)] : heuristic, null);
        }
        BlockModel all = fit(docs, -1).withThreshold(bestThreshold);
        return new Result(best, html, all, docs.size(), blocks);
    }

    private static BlockModel fit(List<Doc> docs, int heldOut) {
        List<Doc> train = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (i % FOLDS != heldOut) {
                train.add(docs.get(i));
            }
        }
        // stacking without leaks: a training page's lexicon features come from a lexicon that never saw it, and the
        // stage-1 probabilities stage 2 learns from come from a stage 1 that never saw it, as on new pages at run
        // time (in-sample they are too sure of themselves, and stage 2 learns to trust them too much)
        BlockLexicon lexicon = lexicon(train, -1);
        double[][][] f1 = new double[train.size()][][];
        for (int j = 0; j < INNER; j++) {
            BlockLexicon inner = lexicon(train, j);
            for (int i = j; i < train.size(); i += INNER) {
                f1[i] = BlockModel.stage1Features(train.get(i).context(), train.get(i).words(), inner);
            }
        }
        ProbabilityModel m1 = fitStage1(train, f1, -1);
        double[][] p1 = new double[train.size()][];
        for (int j = 0; j < INNER; j++) {
            ProbabilityModel inner = fitStage1(train, f1, j);
            for (int i = j; i < train.size(); i += INNER) {
                p1[i] = probabilities(inner, f1[i]);
            }
        }
        List<double[]> x2 = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            Doc d = train.get(i);
            for (double[] row : BlockModel.stage2Features(d.context(), d.words(), f1[i], p1[i])) {
                x2.add(row);
            }
            for (boolean l : d.labels()) {
                y.add(l ? 1 : 0);
            }
        }
        int[] labels = y.stream().mapToInt(Integer::intValue).toArray();
        ProbabilityModel m2 = BoostedTrees.fit(BlockModel.STAGE2, x2, labels, ROUNDS, DEPTH, RATE, BINS);
        return new BlockModel(m1, m2, m2.threshold(), lexicon);
    }

    /** The lexicon of the training pages, leaving out inner fold {@code skip} (-1: none). */
    private static BlockLexicon lexicon(List<Doc> train, int skip) {
        List<List<List<String>>> pages = new ArrayList<>();
        List<boolean[]> pageLabels = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (skip < 0 || i % INNER != skip) {
                pages.add(train.get(i).words());
                pageLabels.add(train.get(i).labels());
            }
        }
        return BlockLexicon.learn(pages, pageLabels);
    }

    /** Stage 1 fitted on the training pages, leaving out inner fold {@code skip} (-1: none). */
    private static ProbabilityModel fitStage1(List<Doc> train, double[][][] f1, int skip) {
        List<double[]> x1 = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (skip >= 0 && i % INNER == skip) {
                continue;
            }
            boolean[] l = train.get(i).labels();
            for (int b = 0; b < l.length; b++) {
                x1.add(f1[i][b]);
                y.add(l[b] ? 1 : 0);
            }
        }
        return BoostedTrees.fit(BlockModel.STAGE1, x1, y.stream().mapToInt(Integer::intValue).toArray(),
                ROUNDS, DEPTH, RATE, BINS);
    }

    private static double[] probabilities(ProbabilityModel m, double[][] rows) {
        double[] p = new double[rows.length];
        for (int b = 0; b < rows.length; b++) {
            p[b] = m.probability(rows[b]);
        }
        return p;
    }

    private static List<Doc> load(Path dir, DocumentProcessor heuristic) throws IOException {
        TextDumpReader reader = new TextDumpReader();
        BlockLabeler labeler = new BlockLabeler();
        List<Path> golds;
        try (Stream<Path> s = Files.list(dir.resolve("gold"))) {
            golds = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<Doc> docs = new ArrayList<>();
        for (Path gp : golds) {
            String id = gp.getFileName().toString().replaceFirst("\\.json$", "");
            Path dump = dir.resolve("dumps").resolve(id + ".txt");
            String goldBody = io.archivebatch.core.eval.GoldRecord.read(gp).body();
            if (!Files.exists(dump) || goldBody == null) {
                continue;
            }
            DocumentProcessor.Analysis a;
            try {
                a = heuristic.analyze(reader.read(new InputFile(dump, dump.toString(), Files.size(dump), 0)));
            } catch (RejectedInputException e) {
                continue;
            }
            if (a == null) {
                continue;
            }
            docs.add(new Doc(id, a.context(), BlockModel.contentWords(a.context()), labeler.label(a.blocks(), goldBody)));
        }
        return docs;
    }
}
