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

    /**
     * What is scored: the cleaned dumps, the whole dump kept (the reference row that checks the scorer), or the
     * original pages ({@code DIR/html/<id>.html} or {@code .html.gz}) read by the HTML reader.
     */
    public enum Mode { TEXT, KEEP_ALL, HTML }

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
        io.archivebatch.core.ingest.HtmlReader htmlReader = new io.archivebatch.core.ingest.HtmlReader();
        Path htmlDir = dir.resolve("html");
        if (mode == Mode.HTML && !Files.isDirectory(htmlDir)) {
            throw new IOException("the labelled set has no html/ folder: " + dir);
        }
        double wf = 0, sp = 0, sr = 0;
        int withHit = 0, withTotal = 0, withoutHit = 0, withoutTotal = 0;
        int tOk = 0, tN = 0, aOk = 0, aN = 0, pOk = 0, pN = 0, rejected = 0, n = 0;
        List<EvalReport.DocResult> details = new ArrayList<>();
        for (Path gp : golds) {
            GoldRecord gold = GoldRecord.read(gp);
            String id = gp.getFileName().toString().replaceFirst("\\.json$", "");
            Path dump = mode == Mode.HTML ? htmlPage(htmlDir, id) : dumps.resolve(id + ".txt");
            if (dump == null || !Files.exists(dump)) {
                continue;
            }
            String body = "";
            Article article = null;
            String rejectedReason = null;
            InputFile in = new InputFile(dump, dump.toString(), Files.size(dump), 0);
            try {
                RawDocument raw = mode == Mode.HTML
                        ? htmlReader.parse(dump.toString(), readPage(dump), null, gold.url())
                        : reader.read(in);
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
            details.add(new EvalReport.DocResult(id, s.wordF1(), s.wordP(), s.wordR(), s.shingleP(), s.shingleR(),
                    titleOk, authorOk, pubOk,
                    article == null ? null : article.title(), article == null ? null : article.author(),
                    article == null ? null : article.published(), rejectedReason));
            if (progress != null && n % 100 == 0) {
                progress.accept(n + " of " + golds.size() + " documents scored");
            }
        }
        double mp = n == 0 ? 0 : sp / n;
        double mr = n == 0 ? 0 : sr / n;
        return new EvalReport(mode == Mode.KEEP_ALL ? "keep the whole dump"
                : mode == Mode.HTML ? "archive-batch (HTML pages)" : "archive-batch (text dumps)", n,
                n == 0 ? 0 : wf / n, mp + mr == 0 ? 0 : 2 * mp * mr / (mp + mr),
                withTotal == 0 ? Double.NaN : (double) withHit / withTotal,
                withoutTotal == 0 ? Double.NaN : (double) withoutHit / withoutTotal,
                new EvalReport.Accuracy(tOk, tN), new EvalReport.Accuracy(aOk, aN), new EvalReport.Accuracy(pOk, pN),
                rejected, details);
    }

    /** The original page of a labelled document ({@code <id>.html.gz}, {@code .html} or {@code .htm}), else null. */
    public static Path htmlPage(Path htmlDir, String id) {
        for (String ext : new String[]{".html.gz", ".html", ".htm"}) {
            Path p = htmlDir.resolve(id + ext);
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }

    /** A page's bytes, gunzipped when the file is {@code .gz}. */
    public static byte[] readPage(Path p) throws IOException {
        if (!p.getFileName().toString().endsWith(".gz")) {
            return Files.readAllBytes(p);
        }
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(p))) {
            return in.readNBytes(64 * 1024 * 1024);
        }
    }

    private static List<String> nz(List<String> l) {
        return l == null ? List.of() : l;
    }

}
