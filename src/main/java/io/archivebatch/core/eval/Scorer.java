package io.archivebatch.core.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scoring rules of {@code corpus/README.md}, implemented exactly so figures compare with the reference tools:
 * word F1 (multiset of lowercase \w+ tokens), shingle F1 (4-token shingles, per-document P and R averaged, F1 of
 * the means), with/without snippets on NFKC-lowercased token strings, and metadata equality.
 */
public final class Scorer {

    // \w as the reference (Python) reads it: letters, numbers and the underscore. Java's Unicode \w also takes
    // combining marks and the zero-width joiners, which some pages use as spacers by the hundred
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    /** Per-document figures. */
    public record DocScore(double wordP, double wordR, double wordF1, double shingleP, double shingleR,
                           int withHit, int withTotal, int withoutHit, int withoutTotal) {
    }

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public static String normalizeSnippet(String text) {
        if (text == null) {
            return "";
        }
        return String.join(" ", tokens(Normalizer.normalize(text, Normalizer.Form.NFKC)));
    }

    public DocScore score(String extracted, String gold, List<String> with, List<String> without) {
        List<String> e = tokens(extracted);
        List<String> g = tokens(gold);
        double[] w = prf(count(e), count(g), e.size(), g.size());
        List<String> es = shingles(e);
        List<String> gs = shingles(g);
        double[] s = prf(count(es), count(gs), es.size(), gs.size());
        String body = normalizeSnippet(extracted);
        int wh = 0;
        for (String snippet : with) {
            if (body.contains(normalizeSnippet(snippet))) {
                wh++;
            }
        }
        int woh = 0;
        for (String snippet : without) {
            if (!body.contains(normalizeSnippet(snippet))) {
                woh++;
            }
        }
        return new DocScore(w[0], w[1], w[2], s[0], s[1], wh, with.size(), woh, without.size());
    }

    private static List<String> shingles(List<String> t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 4 <= t.size(); i++) {
            out.add(t.get(i) + ' ' + t.get(i + 1) + ' ' + t.get(i + 2) + ' ' + t.get(i + 3));
        }
        return out;
    }

    private static Map<String, Integer> count(List<String> items) {
        Map<String, Integer> m = new HashMap<>();
        for (String s : items) {
            m.merge(s, 1, Integer::sum);
        }
        return m;
    }

    /** precision, recall, F1 of two multisets; both empty = 1, one empty = 0. */
    private static double[] prf(Map<String, Integer> ext, Map<String, Integer> gold, int extSize, int goldSize) {
        if (extSize == 0 && goldSize == 0) {
            return new double[]{1, 1, 1};
        }
        if (extSize == 0 || goldSize == 0) {
            return new double[]{extSize == 0 ? 1 : 0, goldSize == 0 ? 1 : 0, 0};
        }
        long overlap = 0;
        for (Map.Entry<String, Integer> en : ext.entrySet()) {
            Integer gc = gold.get(en.getKey());
            if (gc != null) {
                overlap += Math.min(gc, en.getValue());
            }
        }
        double p = (double) overlap / extSize;
        double r = (double) overlap / goldSize;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new double[]{p, r, f};
    }

    /** Title/author equality after the snippet normalization. */
    public static boolean sameText(String a, String b) {
        return a != null && b != null && normalizeSnippet(a).equals(normalizeSnippet(b));
    }
}
