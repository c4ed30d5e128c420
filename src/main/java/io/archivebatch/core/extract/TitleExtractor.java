package io.archivebatch.core.extract;

import io.archivebatch.core.clean.BlockFeatures;
import io.archivebatch.core.learn.LogisticModel;
import io.archivebatch.core.text.CharTable;
import io.archivebatch.core.text.Stopwords;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the headline among the short lines of the page: every candidate line is scored by a logistic model over
 * features in the spirit of boilerpipe's title matching and newspaper3k's title heuristics, adapted to text without
 * markup — length, capitalization, share of its words the article body uses, repetition in the header,
 * breadcrumb tail, a byline or date just below it, distance to the article start. The weights are learned from the
 * WCXB development pages ({@code train-title} command) and ship as {@code title-model.tsv}.
 */
public final class TitleExtractor {

    /** A candidate line and its features. */
    public record Candidate(int block, double[] features) {
    }

    public static final List<String> FEATURES = List.of(
            "words_4_20", "log_words", "capitalized", "body_overlap", "first_par_overlap", "repeated",
            "breadcrumb_tail", "ends_period", "ends_question", "ends_colon", "before_start", "after_start",
            "relative_position", "in_body", "has_digit", "has_separator", "byline_or_date_below", "first_block",
            "chars_100", "prev_short", "dist_1", "dist_2", "dist_3_5", "dist_6_10", "max_overlap", "overlap_x_len",
            "stopword_share", "next_is_body", "title_case", "prose_1", "prose_2", "prose_3_5", "prose_6_plus",
            "local_overlap");

    private static final Pattern BYLINE = Pattern.compile("^(by|written by|posted by|author|von|par|por)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BREADCRUMB = Pattern.compile(".*\\s(>|»|›|/)\\s.*");
    private static final Pattern SEPARATOR = Pattern.compile(".*\\s(\\||-|–|—|:)\\s.*");
    private static final Set<String> STOP = Stopwords.get().of("en");
    private static final LogisticModel MODEL = loadModel();

    private final DateParser dates = new DateParser();

    public Extracted extract(DocumentView doc) {
        double best = Double.NEGATIVE_INFINITY;
        int bestBlock = -1;
        for (Candidate c : candidates(doc)) {
            double s = MODEL.score(c.features());
            if (s > best) {
                best = s;
                bestBlock = c.block();
            }
        }
        if (bestBlock < 0) {
            return null;
        }
        return new Extracted(doc.text(bestBlock), bestBlock, true);
    }

    public List<Candidate> candidates(DocumentView doc) {
        List<Candidate> out = new ArrayList<>();
        int end = doc.clean().regionEnd() >= 0 ? doc.clean().regionEnd() : Math.min(doc.size() - 1, 60);
        PageState page = new PageState(doc, end);
        for (int i = 0; i <= end && i < doc.size(); i++) {
            if (isCandidate(doc, i)) {
                out.add(new Candidate(i, features(doc, i, page)));
            }
        }
        double maxOverlap = 0;
        for (Candidate c : out) {
            maxOverlap = Math.max(maxOverlap, c.features()[3] * Math.min(1, c.features()[1] / 1.6));
        }
        for (Candidate c : out) {
            c.features()[24] = maxOverlap > 0 && c.features()[3] * Math.min(1, c.features()[1] / 1.6) == maxOverlap ? 1 : 0;
        }
        return out;
    }

    /*
     * The candidates' test, their features and the page's state are separate methods, so that the JIT compiles
     * small units: as one method (with all it inlined) it was compiled six times in a long run, after each rare
     * branch in something it inlined (a tab, a date), some 600 ms of C2 time each.
     */

    /** What the features of a page's candidates share, most of it made when the first candidate needs it. */
    private static final class PageState {
        final int start;
        final int end;
        /** How many blocks up to the end have each word sequence ({@link #blockKeys}). */
        Map<List<String>, Integer> seen;
        Set<String> bodyWords; // collected when the first candidate needs them: most long blocks are none
        Set<String> firstPar;
        int nextProseAt = -1;
        int nextProseFrom = -1;
        final Map<Integer, Set<String>> localCache = new HashMap<>();
        /**
         * The page's words by number when all its blocks share one vocabulary (as the cleaner makes them), else null:
         * the body's words are then marks in an array by word number ({@link WordMarks}), not sets of strings.
         */
        final WordMarks marks;
        // what a block tells its neighbours' candidates (each is asked by up to 8 of them): 0 not known yet, 1 no, 2 yes
        final byte[] breadcrumbs;
        final byte[] bylinesOrDates;

        PageState(DocumentView doc, int end) {
            this.start = doc.bodyStart();
            this.end = end;
            this.breadcrumbs = new byte[doc.size()];
            this.bylinesOrDates = new byte[doc.size()];
            this.marks = WordMarks.of(doc.blocks());
        }
    }

    /** A short block, not a rule's, not a byline or a date, not a sentence of the body: a headline candidate. */
    private boolean isCandidate(DocumentView doc, int i) {
        String t = doc.text(i);
        if (doc.decision(i).reason().startsWith("rule:")) {
            return false;
        }
        if (t.length() > 250 || t.contains("\n")) {
            return false;
        }
        int words = doc.blocks().get(i).wordCount();
        if (words < 2 || words > 30) {
            return false;
        }
        if (BYLINE.matcher(t).matches() || isMostlyDate(t)) {
            return false;
        }
        return !(words >= 15 && doc.decision(i).keep() && BlockFeatures.isTerminalText(t)); // a sentence of the body
    }

    private double[] features(DocumentView doc, int i, PageState page) {
        String t = doc.text(i);
        List<String> tokens = doc.blocks().get(i).words();
        int words = doc.blocks().get(i).wordCount();
        int start = page.start;
        WordMarks marks = page.marks;
        if (page.seen == null) {
            if (marks != null) {
                marks.collectBody(doc);
            } else {
                page.bodyWords = new HashSet<>();
                page.firstPar = new HashSet<>();
                collectBodyWords(doc, page.bodyWords, page.firstPar);
            }
            page.seen = blockKeys(doc, page.end);
        }
        double[] f = new double[FEATURES.size()];
        f[0] = words >= 4 && words <= 20 ? 1 : 0;
        f[1] = Math.log(words + 1);
        f[2] = capitalizedShare(t);
        int[] ids = marks == null ? null : doc.blocks().get(i).wordIds();
        f[3] = marks != null ? marks.overlap(ids, WordMarks.BODY) : overlap(tokens, page.bodyWords);
        f[4] = marks != null ? marks.overlap(ids, WordMarks.FIRST_PARAGRAPH) : overlap(tokens, page.firstPar);
        f[5] = page.seen.getOrDefault(tokens, 0) > 1 ? 1 : 0;
        f[6] = breadcrumbEndsWith(doc, i, t, page.breadcrumbs) ? 1 : 0;
        char last = t.charAt(t.length() - 1);
        f[7] = last == '.' ? 1 : 0;
        f[8] = last == '?' ? 1 : 0;
        f[9] = last == ':' ? 1 : 0;
        f[10] = Math.min(40, Math.max(0, start - i)) / 10.0;
        f[11] = Math.min(40, Math.max(0, i - start)) / 10.0;
        f[12] = (double) i / doc.size();
        f[13] = doc.decision(i).keep() ? 1 : 0;
        f[14] = hasDigit(t) ? 1 : 0;
        f[15] = SEPARATOR.matcher(t).matches() ? 1 : 0;
        f[16] = bylineOrDateBelow(doc, i, page.bylinesOrDates) ? 1 : 0;
        f[17] = i == 0 ? 1 : 0;
        f[18] = t.length() / 100.0;
        f[19] = i > 0 && doc.blocks().get(i - 1).wordCount() <= 3 ? 1 : 0;
        int dist = start - i;
        f[20] = dist == 1 ? 1 : 0;
        f[21] = dist == 2 ? 1 : 0;
        f[22] = dist >= 3 && dist <= 5 ? 1 : 0;
        f[23] = dist >= 6 && dist <= 10 ? 1 : 0;
        f[25] = f[3] * f[0];
        f[26] = stopwordShare(tokens);
        f[27] = i + 1 < doc.size() && doc.decision(i + 1).keep() ? 1 : 0;
        f[28] = f[2] > 0.7 && words >= 4 ? 1 : 0;
        if (i > page.nextProseFrom) {
            page.nextProseAt = nextProse(doc, i);
            page.nextProseFrom = page.nextProseAt < 0 ? i : page.nextProseAt - 1;
        }
        int next = page.nextProseAt;
        int pd = next < 0 ? 99 : next - i;
        f[29] = pd == 1 ? 1 : 0;
        f[30] = pd == 2 ? 1 : 0;
        f[31] = pd >= 3 && pd <= 5 ? 1 : 0;
        f[32] = pd >= 6 ? 1 : 0;
        f[33] = next < 0 ? 0 : marks != null ? marks.overlapLocal(doc, ids, next)
                : overlap(tokens, page.localCache.computeIfAbsent(next, k -> localWords(doc, k)));
        return f;
    }

    private boolean bylineOrDateBelow(DocumentView doc, int i, byte[] known) {
        for (int k = i + 1; k < Math.min(doc.size(), i + 4); k++) {
            if (known[k] == 0) {
                String t = doc.text(k);
                known[k] = t.length() < 160 && (BYLINE.matcher(t).matches() || dates.find(t) != null) ? (byte) 2 : 1;
            }
            if (known[k] == 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many blocks up to {@code end} have each word sequence. The word lists are the keys: two blocks have the
     * same list exactly when their {@link #key}s are the same (a word is never empty and never holds a space), and a
     * list is not joined into a new string for each block.
     */
    private static Map<List<String>, Integer> blockKeys(DocumentView doc, int end) {
        Map<List<String>, Integer> seen = new HashMap<>();
        for (int i = 0; i <= end && i < doc.size(); i++) {
            String t = doc.text(i);
            // only a short block can repeat a candidate (at most 250 characters): long paragraphs are not tokenized
            if (t.length() <= 1000) {
                seen.merge(doc.blocks().get(i).words(), 1, Integer::sum);
            }
        }
        return seen;
    }

    /** {@code t.chars().anyMatch(Character::isDigit)} without the stream. */
    private static boolean hasDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void collectBodyWords(DocumentView doc, Set<String> words, Set<String> firstPar) {
        int taken = 0;
        boolean first = true;
        for (int i = doc.bodyStart(); i < doc.size() && taken < 600; i++) {
            if (!doc.decision(i).keep()) {
                continue;
            }
            List<String> ws = doc.blocks().get(i).words(600);
            for (String w : ws) {
                taken++;
                if (w.length() >= 3) {
                    words.add(w);
                    if (first) {
                        firstPar.add(w);
                    }
                }
            }
            if (ws.size() >= 8) {
                first = false;
            }
        }
    }

    private static double overlap(List<String> tokens, Set<String> bodyWords) {
        int n = 0;
        int hit = 0;
        for (String w : tokens) {
            if (w.length() < 3 || STOP.contains(w)) {
                continue;
            }
            n++;
            if (bodyWords.contains(w)) {
                hit++;
            }
        }
        return n == 0 ? 0 : (double) hit / n;
    }

    /** The next block after i that reads as prose (at least 15 words, a quarter of them stopwords). */
    private static int nextProse(DocumentView doc, int i) {
        for (int k = i + 1; k < doc.size() && k <= i + 30; k++) {
            if (isProse(doc, k)) {
                return k;
            }
        }
        return -1;
    }

    /** At least 15 words, a quarter of them stopwords (from the cleaner's block features, no re-tokenizing). */
    private static boolean isProse(DocumentView doc, int k) {
        var f = doc.clean().features() == null ? null : doc.clean().features()[k];
        if (f != null) {
            return f.words() >= 15 && f.stopwordDensity() >= 0.25;
        }
        return doc.blocks().get(k).words().size() >= 15 && stopwordShare(doc.blocks().get(k).words()) >= 0.25;
    }

    private static Set<String> localWords(DocumentView doc, int from) {
        Set<String> out = new HashSet<>();
        for (int k = from; k < Math.min(doc.size(), from + 4); k++) {
            for (String w : doc.blocks().get(k).words(300)) {
                if (w.length() >= 3) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static double stopwordShare(List<String> ws) {
        int n = 0;
        for (String w : ws) {
            if (STOP.contains(w)) {
                n++;
            }
        }
        return ws.isEmpty() ? 0 : (double) n / ws.size();
    }

    private boolean isMostlyDate(String t) {
        DateParser.Found f = dates.find(t);
        return f != null && BlockFeatures.countWords(t) - BlockFeatures.countWords(t.substring(f.start(), f.end())) <= 3;
    }

    private static boolean breadcrumbEndsWith(DocumentView doc, int i, String t, byte[] known) {
        String k = null; // t is block i's text: its cached tokens
        for (int j = Math.max(0, i - 5); j < doc.size() && j < i + 3; j++) {
            String b = doc.text(j);
            if (j != i && b.length() > t.length() && isBreadcrumb(b, j, known)) {
                k = k != null ? k : key(doc.blocks().get(i).words());
                if (key(doc.blocks().get(j).words()).endsWith(k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@link #BREADCRUMB} matches the text: run only when a separator stands between two white-space characters, which
     * any match needs (a paragraph seldom has one, and the expression takes time on a long one), and once per block.
     */
    private static boolean isBreadcrumb(String b, int j, byte[] known) {
        if (known[j] == 0) {
            known[j] = hasSpacedBreadcrumbSeparator(b) && BREADCRUMB.matcher(b).matches() ? (byte) 2 : 1;
        }
        return known[j] == 2;
    }

    private static boolean hasSpacedBreadcrumbSeparator(String b) {
        for (int k = 1; k + 1 < b.length(); k++) {
            char c = b.charAt(k);
            if ((c == '>' || c == '»' || c == '›' || c == '/') && CharTable.isRegexSpace(b.charAt(k - 1))
                    && CharTable.isRegexSpace(b.charAt(k + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The share of capitalized words among the words that start with a letter, the words being what {@code \s+}
     * splits the text into; found without splitting it (a word starts at the text's start or after a {@code \s}).
     */
    static double capitalizedShare(String t) {
        int caps = 0;
        int counted = 0;
        boolean atStart = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (CharTable.isRegexSpace(c)) {
                atStart = true;
                continue;
            }
            if (atStart) {
                atStart = false;
                int first = t.codePointAt(i);
                if (Character.isLetter(first)) {
                    counted++;
                    if (Character.isUpperCase(first)) {
                        caps++;
                    }
                }
            }
        }
        return counted == 0 ? 0 : (double) caps / counted;
    }

    static String key(List<String> tokens) {
        return String.join(" ", tokens);
    }

    private static LogisticModel loadModel() {
        try (InputStream in = TitleExtractor.class.getResourceAsStream("/io/archivebatch/core/title-model.tsv")) {
            if (in == null) {
                throw new IllegalStateException("title-model.tsv missing from the classpath");
            }
            return LogisticModel.read(in, FEATURES);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
