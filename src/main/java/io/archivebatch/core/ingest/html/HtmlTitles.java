package io.archivebatch.core.ingest.html;

import io.archivebatch.core.learn.ProbabilityModel;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headline of an HTML page, chosen among what the page offers — its h1 elements, the first h2 of the article,
 * Open Graph, Twitter and JSON-LD headlines, {@code <title>}, and each of these without its site part — by a
 * model (boosted trees blended with a listwise linear model) over where each text comes from, how the sources agree
 * and how much of the URL's slug it holds. Learned by {@code train-title --html}
 * from labelled pages, shipped as {@code html-title-model.tsv}.
 */
public final class HtmlTitles {

    public static final List<String> SOURCES = List.of("h1_article", "h1_first", "h1_other", "h2_article", "og",
            "og_head", "title", "title_head", "ld", "ld_head", "twitter");

    public static final List<String> FEATURES;

    static {
        List<String> f = new ArrayList<>();
        for (String s : SOURCES) {
            f.add("from_" + s);
        }
        f.addAll(List.of("sources", "log_words", "site_name", "in_title", "in_og", "separator", "title_overlap",
                "h1_count", "first_h1_in_header", "longer_than_title", "heading_text", "title_class_text", "upper_share",
                "title_word_ratio", "slug_cover", "slug_recall"));
        FEATURES = List.copyOf(f);
    }

    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»]\\s+");
    // the URL's parts for its slug words, compiled once (String.replaceFirst compiled them for every page)
    private static final Pattern URL_SCHEME_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*");
    private static final Pattern URL_QUERY = Pattern.compile("[?#].*$");
    private static final Pattern PAGE_EXTENSION = Pattern.compile("\\.(s?html?|php|aspx?|jsp)$");

    /** One candidate text with its features. */
    public record Candidate(String text, double[] features) {
    }

    private final ProbabilityModel model;

    public HtmlTitles(ProbabilityModel model) {
        this.model = model;
    }

    /** The shipped model, or null when it is absent; read once per JVM (it is never changed after). */
    public static ProbabilityModel builtinModel() {
        return Shipped.MODEL;
    }

    /** Holds the shipped model, read when first asked for. */
    private static final class Shipped {
        static final ProbabilityModel MODEL = readBuiltinModel();
    }

    private static ProbabilityModel readBuiltinModel() {
        try (InputStream in = HtmlTitles.class.getResourceAsStream("/io/archivebatch/core/html-title-model.tsv")) {
            return in == null ? null : ProbabilityModel.read(in, FEATURES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chosen headline, or null when the page offers none (without a model: the first in source order). */
    String choose(PageIndex page, String stated, String ldHeadline, String site) {
        List<Candidate> c = candidates(page, stated, ldHeadline, site);
        if (c.isEmpty()) {
            return null;
        }
        if (model == null) {
            return c.get(0).text();
        }
        double[][] x = new double[c.size()][];
        for (int k = 0; k < x.length; k++) {
            x[k] = c.get(k).features();
        }
        return c.get(io.archivebatch.core.learn.Listwise.argmax(x, model::probability)).text();
    }

    /**
     * @param stated     the {@code og:title}, else null
     * @param ldHeadline the JSON-LD headline, else null
     * @param site       the site's name when stated, else null
     */
    public static List<Candidate> candidates(Document doc, String stated, String ldHeadline, String site) {
        return candidates(new PageIndex(doc), stated, ldHeadline, site);
    }

    static List<Candidate> candidates(PageIndex page, String stated, String ldHeadline, String site) {
        Document doc = page.doc;
        Map<String, String> texts = new LinkedHashMap<>(); // normalized → first spelling
        Map<String, Set<String>> from = new LinkedHashMap<>();
        String title = doc.title().isBlank() ? null : doc.title().strip();
        List<Element> h1s = new ArrayList<>();
        for (Element h : page.h1s) {
            if (h.closest(Css.of("nav, footer, aside")) == null) {
                h1s.add(h);
            }
        }
        // each alternative is an h1 (an h2 below): the page's h1s (headings) in document order are the candidates
        Element articleH1 = page.first("article h1, [itemprop=articleBody] h1, main h1", page.h1s);
        if (articleH1 != null) {
            add(texts, from, "h1_article", headline(articleH1));
        }
        for (int i = 0; i < h1s.size() && i < 4; i++) {
            add(texts, from, i == 0 ? "h1_first" : "h1_other", headline(h1s.get(i)));
        }
        Element h2 = page.first("article h2, main h2", page.headings);
        if (h2 != null) {
            add(texts, from, "h2_article", headline(h2));
        }
        add(texts, from, "og", stated);
        add(texts, from, "og_head", head(stated));
        add(texts, from, "title", title);
        add(texts, from, "title_head", head(title));
        add(texts, from, "ld", ldHeadline);
        add(texts, from, "ld_head", head(ldHeadline));
        add(texts, from, "twitter", meta(page, "twitter:title"));

        Set<String> siteNames = new HashSet<>();
        if (site != null) {
            siteNames.add(norm(site));
        }
        if (title != null) {
            String[] parts = SEPARATOR.split(title);
            for (int i = 1; i < parts.length; i++) {
                siteNames.add(norm(parts[i]));
            }
        }
        String nt = title == null ? "" : norm(title);
        String no = stated == null ? "" : norm(stated);
        boolean firstInHeader = !h1s.isEmpty() && h1s.get(0).closest(Css.of("header")) != null
                && h1s.get(0).closest(Css.of("article, main")) == null;
        Set<String> headings = new HashSet<>();
        for (Element h : page.headings) {
            String t = headline(h);
            if (t != null && t.length() <= 300) {
                headings.add(norm(t));
            }
        }
        Set<String> titled = new HashSet<>();
        Element body = doc.body();
        if (body != null) {
            for (Element t : page.all("[class*=title], [class*=headline], [itemprop=headline]", page.classedOrItemprop, body, 200)) {
                String x = t.text();
                if (x.length() <= 300 && !x.isBlank()) {
                    titled.add(norm(x));
                }
            }
        }
        int titleWords = nt.isEmpty() ? 0 : nt.split(" ").length;
        Set<String> slug = slugWords(address(page));
        List<Candidate> out = new ArrayList<>();
        for (var e : texts.entrySet()) {
            String n = e.getKey();
            Set<String> src = from.get(n);
            double[] f = new double[FEATURES.size()];
            for (int s = 0; s < SOURCES.size(); s++) {
                f[s] = src.contains(SOURCES.get(s)) ? 1 : 0;
            }
            int k = SOURCES.size();
            int words = n.split(" ").length;
            f[k] = src.size();
            f[k + 1] = Math.log1p(words);
            f[k + 2] = siteNames.contains(n) ? 1 : 0;
            f[k + 3] = !nt.isEmpty() && nt.contains(n) ? 1 : 0;
            f[k + 4] = !no.isEmpty() && no.contains(n) ? 1 : 0;
            f[k + 5] = SEPARATOR.matcher(e.getValue()).find() ? 1 : 0;
            f[k + 6] = overlap(n, nt);
            f[k + 7] = Math.log1p(h1s.size());
            f[k + 8] = firstInHeader ? 1 : 0;
            f[k + 9] = !nt.isEmpty() && n.length() > nt.length() ? 1 : 0;
            f[k + 10] = headings.contains(n) ? 1 : 0;
            f[k + 11] = titled.contains(n) ? 1 : 0;
            String raw = e.getValue();
            long letters = raw.chars().filter(Character::isLetter).count();
            f[k + 12] = letters == 0 ? 0 : (double) raw.chars().filter(Character::isUpperCase).count() / letters;
            f[k + 13] = titleWords == 0 ? 0 : Math.min(3, (double) words / titleWords);
            if (!slug.isEmpty()) {
                Set<String> w = new HashSet<>(List.of(n.split(" ")));
                f[k + 14] = share(w, slug);
                f[k + 15] = share(slug, w);
            }
            out.add(new Candidate(e.getValue(), f));
        }
        return out;
    }

    /** The page's address: given by its container (WARC), else its canonical link or {@code og:url}. */
    private static String address(PageIndex page) {
        if (!page.doc.location().isBlank()) {
            return page.doc.location();
        }
        Element canonical = page.first("link[rel=canonical][href]", page.links);
        if (canonical != null && !canonical.attr("href").isBlank()) {
            return canonical.attr("href");
        }
        return meta(page, "og:url");
    }

    /**
     * The words of the last path segment of a URL that has two words or more, the slug a site makes from the
     * headline ({@code /posts/2021/a-brief-intro-to-git/} → a, brief, intro, to, git): percent-escapes decoded,
     * numbers and a {@code .html}-like ending dropped. Empty when no segment has two words.
     */
    public static Set<String> slugWords(String url) {
        Set<String> out = new HashSet<>();
        if (url == null || url.isBlank()) {
            return out;
        }
        String path = URL_QUERY.matcher(URL_SCHEME_HOST.matcher(url.length() > 2000 ? url.substring(0, 2000) : url)
                .replaceFirst("")).replaceFirst("");
        try {
            path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray '%': the words are read as they are
        }
        String[] segs = path.split("/");
        for (int i = segs.length - 1; i >= 0; i--) {
            String seg = PAGE_EXTENSION.matcher(segs[i]).replaceFirst("");
            Set<String> words = new HashSet<>();
            for (String w : norm(seg.replace('-', ' ').replace('_', ' ')).split(" ")) {
                if (!w.isEmpty() && !w.chars().allMatch(Character::isDigit)) {
                    words.add(w);
                }
            }
            if (words.size() >= 2) {
                return words;
            }
        }
        return out;
    }

    private static void add(Map<String, String> texts, Map<String, Set<String>> from, String source, String text) {
        if (text == null || text.isBlank() || text.length() > 300) {
            return;
        }
        String n = norm(text);
        if (n.isEmpty()) {
            return;
        }
        texts.putIfAbsent(n, text.strip());
        from.computeIfAbsent(n, x -> new HashSet<>()).add(source);
    }

    /** A heading's text without the dates a theme prints inside it. */
    private static String headline(Element h) {
        Element copy = h;
        if (h.selectFirst(Css.of(DATED)) != null) { // copied only when there is something to cut
            copy = h.clone();
            copy.select(Css.of(DATED)).remove();
        }
        String t = copy.text().strip();
        return t.isEmpty() ? null : t;
    }

    private static final String DATED = "time, [class*=date], [class*=time]";

    /** The part before the first separator ("Story | Site" → "Story"), or null when there is no separator. */
    private static String head(String t) {
        if (t == null) {
            return null;
        }
        String[] parts = SEPARATOR.split(t);
        return parts.length < 2 ? null : parts[0];
    }

    private static String meta(PageIndex page, String key) {
        Element m = page.first("meta[name=" + key + "][content], meta[property=" + key + "][content]", page.metas);
        return m == null ? null : m.attr("content").strip();
    }

    private static double overlap(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return share(new HashSet<>(List.of(a.split(" "))), new HashSet<>(List.of(b.split(" "))));
    }

    /** The share of the words of {@code x} that are in {@code y} ({@code x} not empty). */
    private static double share(Set<String> x, Set<String> y) {
        int hit = 0;
        for (String w : x) {
            hit += y.contains(w) ? 1 : 0;
        }
        return (double) hit / x.size();
    }

    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    static String norm(String s) {
        return NOT_LETTERS.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll(" ").strip();
    }
}
