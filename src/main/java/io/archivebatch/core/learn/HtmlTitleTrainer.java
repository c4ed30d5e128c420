package io.archivebatch.core.learn;

import io.archivebatch.core.eval.GoldRecord;
import io.archivebatch.core.eval.Scorer;
import io.archivebatch.core.ingest.html.HtmlMetadata;
import io.archivebatch.core.ingest.html.HtmlTitles;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Learns the HTML headline chooser ({@link HtmlTitles}) from a labelled set's pages ({@code DIR/html}): each page's
 * candidates, the right one being the candidate equal to the gold title. Reports the share of pages whose chosen
 * headline is the gold title (pages with no right candidate count as wrong), cross-validated with 5 folds and averaged
 * over {@value #SPLITS} fold splits, then fits on all.
 */
public final class HtmlTitleTrainer {

    static final int FOLDS = 5;
    static final int SPLITS = 8;
    static final int ROUNDS = 200;
    /** The listwise linear model's weight in the blend, the trees' being 1. */
    static final double LINEAR_WEIGHT = 0.3;
    static final int DEPTH = 2;

    /** @param rightPerSplit right pages of each fold split (the standard one first) */
    public record Result(double cvAccuracy, int pages, int pagesWithCandidate, ProbabilityModel model,
                         List<Integer> rightPerSplit) {
        public String summary() {
            return String.format(Locale.ROOT,
                    "HTML title model: %d-fold cross-validated accuracy %.3f on %d pages, mean of %d fold splits "
                            + "(right pages per split: %s; %d pages offer the title as a candidate)",
                    FOLDS, cvAccuracy, pages, rightPerSplit.size(), rightPerSplit, pagesWithCandidate);
        }
    }

    public Result train(Path dir, Consumer<String> progress) throws IOException {
        List<Listwise.Page> pages = load(dir);
        int withCandidate = 0;
        for (Listwise.Page p : pages) {
            withCandidate += p.right() >= 0 ? 1 : 0;
        }
        // the standard split (page i in fold i mod 5) and shuffled ones: one split moves by a few pages
        int correct = 0;
        List<Integer> perSplit = new ArrayList<>();
        for (int split = 0; split < SPLITS; split++) {
            int[] foldOf = new int[pages.size()];
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                order.add(i);
            }
            if (split > 0) {
                java.util.Collections.shuffle(order, new java.util.Random(split));
            }
            for (int i = 0; i < pages.size(); i++) {
                foldOf[order.get(i)] = i % FOLDS;
            }
            int right = 0;
            for (int fold = 0; fold < FOLDS; fold++) {
                List<Listwise.Page> train = new ArrayList<>();
                for (int i = 0; i < pages.size(); i++) {
                    if (foldOf[i] != fold) {
                        train.add(pages.get(i));
                    }
                }
                ProbabilityModel m = fit(train);
                for (int i = 0; i < pages.size(); i++) {
                    Listwise.Page p = pages.get(i);
                    if (foldOf[i] == fold && p.right() >= 0 && Listwise.argmax(p.candidates(), m::probability) == p.right()) {
                        right++;
                    }
                }
            }
            perSplit.add(right);
            correct += right;
            if (progress != null) {
                progress.accept("split " + (split + 1) + " of " + SPLITS + ": " + right + " of " + pages.size() + " right");
            }
        }
        return new Result((double) correct / SPLITS / Math.max(1, pages.size()), pages.size(), withCandidate, fit(pages),
                perSplit);
    }

    /**
     * Gradient-boosted trees over the candidates of the pages that offer the title (the sources interact: an h1
     * that is also in {@code <title>} is not the same evidence as either alone), blended with the listwise linear
     * model (which weighs one page's candidates against each other); the page's choice is the candidate with the
     * highest blended probability. Chosen on eight fold splits (mean right pages of 709): the previous trees alone
     * (depth 2, 300 rounds, no slug features) 634.0; trees alone with the slug features 635.9 (200 rounds); the
     * blend with weight 0.3: 639.1 with 200 rounds, 639.0 with 150, 638.3 with 300; weights 0.15, 0.5 and 1 gave
     * 638.5, 639.1 and 638.6; depth 3, depth 4 and bagging did no better.
     */
    static ProbabilityModel fit(List<Listwise.Page> pages) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (Listwise.Page p : pages) {
            if (p.right() < 0) {
                continue;
            }
            for (int k = 0; k < p.candidates().length; k++) {
                x.add(p.candidates()[k]);
                y.add(k == p.right() ? 1 : 0);
            }
        }
        ProbabilityModel trees = BoostedTrees.fit(HtmlTitles.FEATURES, x,
                y.stream().mapToInt(Integer::intValue).toArray(), ROUNDS, DEPTH, 0.1, 32);
        return new BlendedModel(List.of(trees, Listwise.fit(HtmlTitles.FEATURES, pages)),
                new double[]{1, LINEAR_WEIGHT});
    }

    private static List<Listwise.Page> load(Path dir) throws IOException {
        HtmlMetadata metadata = new HtmlMetadata(null);
        List<Path> golds;
        try (Stream<Path> s = Files.list(dir.resolve("gold"))) {
            golds = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<Listwise.Page> pages = new ArrayList<>();
        for (Path gp : golds) {
            GoldRecord gold = GoldRecord.read(gp);
            String id = gp.getFileName().toString().replaceFirst("\\.json$", "");
            Path page = io.archivebatch.core.eval.Evaluator.htmlPage(dir.resolve("html"), id);
            if (gold.title() == null || page == null) {
                continue;
            }
            Document doc = io.archivebatch.core.ingest.HtmlReader.document(
                    io.archivebatch.core.eval.Evaluator.readPage(page), null, null); // as eval reads a page: no address from outside
            List<HtmlTitles.Candidate> cands = metadata.titleCandidates(doc);
            double[][] x = new double[cands.size()][];
            int right = -1;
            for (int k = 0; k < x.length; k++) {
                x[k] = cands.get(k).features();
                if (right < 0 && Scorer.sameText(cands.get(k).text(), gold.title())) {
                    right = k;
                }
            }
            pages.add(new Listwise.Page(x, right));
        }
        return pages;
    }
}
