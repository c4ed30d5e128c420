package io.archivebatch.core.eval;

import java.util.List;
import java.util.Locale;

/** Figures of one evaluation, averaged over documents as {@code corpus/README.md} defines. */
public record EvalReport(String system, int documents, double wordF1, double shingleF1, double with, double without,
                         Accuracy title, Accuracy author, Accuracy published, int rejected, List<DocResult> details) {

    /** Correct out of scored (gold field not null). */
    public record Accuracy(int correct, int scored) {
        public double value() {
            return scored == 0 ? Double.NaN : (double) correct / scored;
        }
    }

    /** One document's figures, for --details. */
    public record DocResult(String id, double wordF1, double wordP, double wordR, double shingleP, double shingleR,
                            boolean titleOk, boolean authorOk,
                            boolean publishedOk, String title, String author, String published, String rejected) {
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %6s %8s %8s %6s %8s %7s %7s %9s%n",
                "system", "docs", "word F1", "shingle", "with", "without", "title", "author", "published"));
        sb.append(String.format(Locale.ROOT, "%-28s %6d %8.3f %8.3f %6.3f %8.3f %7s %7s %9s%n",
                system, documents, wordF1, shingleF1, with, without, fmt(title), fmt(author), fmt(published)));
        sb.append(String.format(Locale.ROOT, "rejected (scored as empty output): %d; metadata scored on title %d, author %d, published %d documents%n",
                rejected, title.scored(), author.scored(), published.scored()));
        return sb.toString();
    }

    private static String fmt(Accuracy a) {
        return a.scored() == 0 ? "—" : String.format(Locale.ROOT, "%.3f", a.value());
    }
}
