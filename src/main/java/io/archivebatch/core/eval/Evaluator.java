package io.archivebatch.core.eval;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.RejectedInputException;
import io.archivebatch.core.ingest.TextDumpReader;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.DocumentProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs the cleaning on a labelled set ({@code DIR/dumps/<id>.txt}, {@code DIR/gold/<id>.json}) and scores it.
 */
public final class Evaluator {

    /** What is scored: the cleaned dumps, or the whole dump kept (the reference row that checks the scorer). */
    public enum Mode { TEXT, KEEP_ALL }

    private final Scorer scorer = new Scorer();

    public EvalReport evaluate(Path dir, Mode mode, DocumentProcessor processor, Consumer<String> progress) throws IOException {
        return evaluate(dir, mode, id -> processor, progress);
    }

    /**
     * @param processors the processor for each document id: cross-validation scores each page with the model of
     *                   the fold that did not train on it
     */
    public EvalReport evaluate(Path dir, Mode mode, java.util.function.Function<String, DocumentProcessor> processors,
                               Consumer<String> progress) throws IOException {
        Path dumps = dir.resolve("dumps");
        Path goldDir = dir.resolve("gold");
        if (!Files.isDirectory(dumps) || !Files.isDirectory(goldDir)) {
            throw new IOException("not a labelled set (needs dumps/ and gold/): " + dir);
        }
        List<Path> golds;
        try (Stream<Path> s = Files.list(goldDir)) {
            golds = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        TextDumpReader reader = new TextDumpReader();
        double wf = 0, sp = 0, sr = 0;
        int withHit = 0, withTotal = 0, withoutHit = 0, withoutTotal = 0;
        int tOk = 0, tN = 0, aOk = 0, aN = 0, pOk = 0, pN = 0, rejected = 0, n = 0;
        List<EvalReport.DocResult> details = new ArrayList<>();
        for (Path gp : golds) {
            GoldRecord gold = GoldRecord.read(gp);
            String id = gp.getFileName().toString().replaceFirst("\\.json$", "");
            Path dump = dumps.resolve(id + ".txt");
            if (!Files.exists(dump)) {
                continue;
            }
            String body = "";
            Article article = null;
            String rejectedReason = null;
            InputFile in = new InputFile(dump, dump.toString(), Files.size(dump), 0);
            try {
                RawDocument raw = reader.read(in);
                if (mode == Mode.KEEP_ALL) {
                    body = raw.text();
                } else {
                    Outcome o = processors.apply(id).process(raw);
                    if (o instanceof Outcome.Accepted acc) {
                        article = acc.article();
                        body = article.body();
                    } else {
                        rejectedReason = ((Outcome.Rejected) o).rejection().reason();
                        rejected++;
                    }
                }
            } catch (RejectedInputException e) {
                rejectedReason = e.reason();
                rejected++;
            }
            Scorer.DocScore s = scorer.score(body, gold.body(), nz(gold.with()), nz(gold.without()));
            n++;
            wf += s.wordF1();
            sp += s.shingleP();
            sr += s.shingleR();
            withHit += s.withHit();
            withTotal += s.withTotal();
            withoutHit += s.withoutHit();
            withoutTotal += s.withoutTotal();
            boolean titleOk = false, authorOk = false, pubOk = false;
            if (gold.title() != null) {
                tN++;
                titleOk = article != null && Scorer.sameText(article.title(), gold.title());
                tOk += titleOk ? 1 : 0;
            }
            if (gold.author() != null) {
                aN++;
                authorOk = article != null && Scorer.sameText(article.author(), gold.author());
                aOk += authorOk ? 1 : 0;
            }
            String goldDate = gold.published() != null ? gold.published() : gold.updated();
            if (goldDate != null) {
                pN++;
                String ours = article == null ? null : (article.published() != null ? article.published() : article.updated());
                pubOk = goldDate.equals(ours);
                pOk += pubOk ? 1 : 0;
            }
            details.add(new EvalReport.DocResult(id, s.wordF1(), s.wordP(), s.wordR(), titleOk, authorOk, pubOk,
                    article == null ? null : article.title(), article == null ? null : article.author(),
                    article == null ? null : article.published(), rejectedReason));
            if (progress != null && n % 100 == 0) {
                progress.accept(n + " of " + golds.size() + " documents scored");
            }
        }
        double mp = n == 0 ? 0 : sp / n;
        double mr = n == 0 ? 0 : sr / n;
        return new EvalReport(mode == Mode.KEEP_ALL ? "keep the whole dump" : "archive-batch (text dumps)", n,
                n == 0 ? 0 : wf / n, mp + mr == 0 ? 0 : 2 * mp * mr / (mp + mr),
                withTotal == 0 ? Double.NaN : (double) withHit / withTotal,
                withoutTotal == 0 ? Double.NaN : (double) withoutHit / withoutTotal,
                new EvalReport.Accuracy(tOk, tN), new EvalReport.Accuracy(aOk, aN), new EvalReport.Accuracy(pOk, pN),
                rejected, details);
    }

    private static List<String> nz(List<String> l) {
        return l == null ? List.of() : l;
    }

}
