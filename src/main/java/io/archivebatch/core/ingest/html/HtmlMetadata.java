package io.archivebatch.core.ingest.html;

import io.archivebatch.core.extract.DateParser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata a page states about itself: JSON-LD ({@code NewsArticle}, {@code Article}, {@code BlogPosting}...),
 * Open Graph and {@code article:*} meta tags, {@code itemprop} microdata, {@code <time>}, {@code <html lang>}, the
 * canonical URL, {@code <title>} and the page's {@code <h1>}. Read before the page is pruned (the JSON-LD sits in
 * scripts). Keys: {@code title}, {@code author}, {@code published}, {@code updated}, {@code site}, {@code language},
 * {@code url}; a key is absent when the page does not say.
 */
public final class HtmlMetadata {

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
            "scholarlyarticle", "report", "liveblogposting", "posting", "socialmediaposting", "medicalwebpage");
    private static final Pattern ISO_DATE = Pattern.compile("^\\s*(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern URLISH = Pattern.compile("^(https?:)?//|^www\\.", Pattern.CASE_INSENSITIVE);
    private static final int MAX_JSON_LD = 512 * 1024;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final DateParser dates = new DateParser();
    private final HtmlTitles titles;

    public HtmlMetadata() {
        this(HtmlTitles.builtinModel());
    }

    /** @param titleModel the headline chooser's model; null for the first candidate (the trainer needs none) */
    public HtmlMetadata(io.archivebatch.core.learn.ProbabilityModel titleModel) {
        this.titles = new HtmlTitles(titleModel);
    }

    private static String site(Map<String, String> m, JsonNode ld) {
        return first(meta(m, "og:site_name"), ld == null ? null : text(ld.path("publisher"), "name"),
                meta(m, "application-name"));
    }

    /** The headline candidates of a page with their features (what {@code train-title --html} learns from). */
    public List<HtmlTitles.Candidate> titleCandidates(Document doc) {
        PageIndex page = new PageIndex(doc);
        Map<String, String> m = metas(page);
        JsonNode ld = articleJsonLd(page);
        return HtmlTitles.candidates(page, meta(m, "og:title"), text(ld, "headline"), site(m, ld));
    }

    public Map<String, String> extract(Document doc) {
        Map<String, String> out = new LinkedHashMap<>();
        PageIndex page = new PageIndex(doc); // one walk over the page for the queries below
        Map<String, String> m = metas(page);
        JsonNode ld = articleJsonLd(page);
        String site = site(m, ld);
        // title: the learned choice among the page's headlines (HtmlTitles)
        String title = titles.choose(page, meta(m, "og:title"), text(ld, "headline"), site);
        put(out, "title", title);

        put(out, "published", firstDate(text(ld, "datePublished"), meta(m, "article:published_time"),
                itemprop(page, "datePublished"), meta(m, "og:published_time"), meta(m, "pubdate"),
                meta(m, "publishdate"), meta(m, "date"), meta(m, "dc.date"), meta(m, "dc.date.issued"),
                meta(m, "sailthru.date"), meta(m, "parsely-pub-date"), timeElement(page), text(ld, "dateCreated")));
        put(out, "updated", firstDate(text(ld, "dateModified"), meta(m, "article:modified_time"),
                itemprop(page, "dateModified"), meta(m, "og:updated_time")));
        String statedAuthor = first(authors(ld), nonUrl(meta(m, "author")), nonUrl(meta(m, "article:author")),
                nonUrl(meta(m, "parsely-author")), nonUrl(meta(m, "sailthru.author")), itempropAuthor(page));
        put(out, "author", author(page, statedAuthor));
        put(out, "site", site);
        Element html = page.first("html", page.htmls);
        String lang = html == null ? null : html.attr("lang");
        if (lang == null || lang.isBlank()) {
            lang = first(meta(m, "og:locale"), meta(m, "content-language"), meta(m, "language"));
        }
        if (lang != null && !lang.isBlank()) {
            String primary = lang.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
            if (primary.matches("[a-z]{2,3}")) {
                out.put("language", primary);
            }
        }
        Element canonical = page.first("link[rel=canonical][href]", page.links);
        put(out, "url", first(canonical == null ? null : canonical.absUrl("href"), meta(m, "og:url")));
        return out;
    }

    /** The JSON-LD object describing the article (first article type, through arrays and {@code @graph}). */
    private JsonNode articleJsonLd(PageIndex page) {
        JsonNode fallback = null;
        for (Element s : page.all("script[type=application/ld+json]", page.scripts, page.doc)) {
            String json = s.data();
            if (json.length() > MAX_JSON_LD) {
                continue;
            }
            JsonNode root;
            try {
                root = mapper.readTree(json.strip());
            } catch (JacksonException e) {
                continue;
            }
            List<JsonNode> nodes = new ArrayList<>();
            flatten(root, nodes, 0);
            for (JsonNode n : nodes) {
                String type = types(n);
                for (String t : type.split(" ")) {
                    if (ARTICLE_TYPES.contains(t)) {
                        return n;
                    }
                }
                if (fallback == null && type.contains("webpage") && n.has("datePublished")) {
                    fallback = n;
                }
            }
        }
        return fallback;
    }

    private static void flatten(JsonNode n, List<JsonNode> out, int depth) {
        if (n == null || depth > 6) {
            return;
        }
        if (n.isArray()) {
            for (JsonNode c : n) {
                flatten(c, out, depth + 1);
            }
        } else if (n.isObject()) {
            out.add(n);
            flatten(n.get("@graph"), out, depth + 1);
            flatten(n.get("mainEntity"), out, depth + 1);
        }
    }

    private static String types(JsonNode n) {
        JsonNode t = n.get("@type");
        if (t == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (t.isArray()) {
            for (JsonNode x : t) {
                sb.append(x.asString("").toLowerCase(Locale.ROOT)).append(' ');
            }
        } else {
            sb.append(t.asString("").toLowerCase(Locale.ROOT));
        }
        return sb.toString().trim();
    }

    private static String authors(JsonNode ld) {
        if (ld == null || !ld.has("author")) {
            return null;
        }
        JsonNode a = ld.get("author");
        List<String> names = new ArrayList<>();
        if (a.isArray()) {
            for (JsonNode x : a) {
                addName(x, names);
            }
        } else {
            addName(a, names);
        }
        if (names.isEmpty()) {
            return null;
        }
        return names.size() > 4 ? String.join(", ", names) : joinNames(names);
    }

    private static void addName(JsonNode x, List<String> names) {
        String name = x.isObject() ? text(x, "name") : x.isString() ? x.asString().strip() : null;
        name = nonUrl(name);
        if (name != null && !name.isBlank() && !names.contains(name)) {
            names.add(name);
        }
    }

    private static String text(JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        JsonNode v = n.get(field);
        if (v != null && v.isArray() && !v.isEmpty()) {
            v = v.get(0);
        }
        if (v == null || !v.isValueNode()) {
            return null;
        }
        String s = v.asString("").strip();
        return s.isEmpty() ? null : org.jsoup.parser.Parser.unescapeEntities(s, false);
    }

    /** Every {@code <meta>} of the page by its lowercase key (property, name, itemprop or http-equiv), first wins. */
    private static Map<String, String> metas(PageIndex page) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Element e : page.all("meta[content]", page.metas, page.doc)) {
            String k = e.hasAttr("property") ? e.attr("property") : e.hasAttr("name") ? e.attr("name")
                    : e.hasAttr("itemprop") ? e.attr("itemprop") : e.attr("http-equiv");
            String c = e.attr("content").strip();
            if (!k.isEmpty() && !c.isEmpty()) {
                out.putIfAbsent(k.toLowerCase(Locale.ROOT), c);
            }
        }
        return out;
    }

    private static String meta(Map<String, String> metas, String key) {
        return metas.get(key.toLowerCase(Locale.ROOT));
    }

    private static final org.jsoup.select.Evaluator NOT_ARTICLE_AREA =
            org.jsoup.select.QueryParser.parse("[class*=comment], [id*=comment], footer, nav, aside");
    private static final org.jsoup.select.Evaluator NOT_BYLINE_AREA =
            org.jsoup.select.QueryParser.parse("[class*=comment], [id*=comment], footer, nav");

    private static String itemprop(PageIndex page, String prop) {
        Element e = page.first("[itemprop=" + prop + "]", page.itemprops);
        if (e == null) {
            return null;
        }
        String v = first(e.attr("content"), e.attr("datetime"), e.text());
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String itempropAuthor(PageIndex page) {
        Element e = page.first("[itemprop=author]", page.itemprops);
        if (e == null) {
            return null;
        }
        Element name = e.selectFirst(Css.of("[itemprop=name]"));
        String v = name != null ? first(name.attr("content"), name.text()) : first(e.attr("content"), e.text());
        return plausibleName(v);
    }

    private static final Pattern BY = Pattern.compile("(?i)^by\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_A_NAME_WORD =
            Pattern.compile("(?i).*\\b(more|all|bio|team|login|members?|about|read|view|see)\\b.*");

    private static String plausibleName(String v) {
        if (v == null) {
            return null;
        }
        v = BY.matcher(v.strip()).replaceFirst("");
        return v.isEmpty() || v.length() > 80 || SPACES.split(v).length > 8 ? null : v;
    }

    private static String timeElement(PageIndex page) {
        Element scope = page.first("article", page.articles);
        List<Element> times = page.all("time[datetime]", page.times, scope != null ? scope : page.doc);
        return times.isEmpty() ? null : times.get(0).attr("datetime");
    }

    private static final String[] BYLINE_WORDS = {"byline", "author", "writer", "contributor"};

    /**
     * Whether the names hold one of {@link #BYLINE_WORDS}, letters compared without case as
     * {@code Pattern.compile("byline|author|writer|contributor", CASE_INSENSITIVE).matcher(names).find()} compares
     * them (ASCII letters only), without the expression: it was most of the byline search's time.
     */
    static boolean namesByline(String names) {
        for (String w : BYLINE_WORDS) {
            if (containsIgnoringAsciiCase(names, w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s} holds {@code lower} (lowercase ASCII), its ASCII capitals taken as their small letters. */
    private static boolean containsIgnoringAsciiCase(String s, String lower) {
        int m = lower.length();
        next:
        for (int i = 0, last = s.length() - m; i <= last; i++) {
            for (int j = 0; j < m; j++) {
                char c = s.charAt(i + j);
                char w = lower.charAt(j);
                if (c != w && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == w)) {
                    continue next;
                }
            }
            return true;
        }
        return false;
    }
    private static final Pattern BY_PREFIX = Pattern.compile(
            "^(written\\s+by|posted\\s+by|published\\s+by|reviewed\\s+by|by|author|authors|von|par|por|door)\\s*:?\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BY_INSIDE = Pattern.compile("\\b(written|posted|published)\\s+by\\s*:?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_NAME = Pattern.compile(
            "\\d{4}|\\d{1,2}:\\d{2}|comments?|share|follow|about the author|view all|posts? by|min read|updated|published",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern AUTHOR_LINK = Pattern.compile("/(author|authors|writers?|people|profile|staff|contributors?)/",
            Pattern.CASE_INSENSITIVE);

    /**
     * The author as the page shows it: links to author pages in the byline area first, then the stated author when
     * the byline shows it (the byline often adds a role: "Jane Doe, Senior Editor"), then the byline's text.
     */
    private static String author(PageIndex page, String stated) {
        Element body = page.doc.body();
        if (body == null) {
            return stated;
        }
        Element scope = page.first("article", page.articles);
        // the first link to an author page, with the co-author links beside it (same parent)
        List<String> linked = new ArrayList<>();
        Element group = null;
        for (Element a : page.all("a[href]", page.anchors, scope != null ? scope : body)) {
            if (!AUTHOR_LINK.matcher(a.attr("href")).find() && !"author".equalsIgnoreCase(a.attr("rel"))
                    || a.closest(NOT_ARTICLE_AREA) != null) {
                continue;
            }
            String t = plausibleName(a.text());
            if (t == null || !nameLike(t)) {
                continue;
            }
            if (group == null) {
                group = a.parent();
            } else if (a.parent() != group) {
                break;
            }
            if (!linked.contains(t)) {
                linked.add(t);
            }
        }
        if (!linked.isEmpty() && linked.size() <= 4) {
            return joinNames(linked);
        }
        String line = byline(page);
        if (stated != null && line != null && HtmlTitles.norm(line).contains(HtmlTitles.norm(stated))) {
            return stated;
        }
        return line != null ? line : stated;
    }

    private static final Set<String> PARTICLES = Set.of("de", "van", "der", "den", "la", "le", "von", "da", "di", "du",
            "del", "dos", "bin", "al", "y", "e");

    /** Two to six words, each capitalized (or a name particle): "Jane Doe", "Ludwig van Beethoven", "Dr. Jane Doe". */
    static boolean nameLike(String t) {
        String[] w = SPACES.split(t);
        if (w.length < 2 || w.length > 6) {
            return false;
        }
        for (String x : w) {
            if (!Character.isUpperCase(x.codePointAt(0)) && !PARTICLES.contains(x) || x.chars().anyMatch(Character::isDigit)) {
                return false;
            }
        }
        return !NOT_NAME.matcher(t).find() && !NOT_A_NAME_WORD.matcher(t).matches();
    }

    private static String joinNames(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.size() == 2) {
            return names.get(0) + " and " + names.get(1);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
    }

    /** The byline shown on the page: the first element named for its author, in the article, not a comment's. */
    private static String byline(PageIndex page) {
        Element body = page.doc.body();
        if (body == null) {
            return null;
        }
        Element scope = page.first("article", page.articles);
        for (Element root : scope == null ? new Element[]{body} : new Element[]{scope, body}) {
            // in document order as getAllElements lists them, without the list: the walk mostly ends early
            for (var it = new org.jsoup.nodes.NodeIterator<>(root, Element.class); it.hasNext(); ) {
                Element e = it.next();
                if (e.attributesSize() == 0) {
                    continue; // no class, id, rel or itemprop: nothing names a byline
                }
                String cls = e.className();
                String id = e.id();
                String rel = e.attr("rel");
                String itemprop = e.attr("itemprop");
                // the words hold no space, so they are in the names joined by spaces exactly when in one of them
                if (!namesByline(cls) && !namesByline(id) && !namesByline(rel) && !namesByline(itemprop)) {
                    continue;
                }
                if ((cls + " " + id + " " + rel + " " + itemprop).toLowerCase(Locale.ROOT).contains("avatar")
                        || e.closest(NOT_BYLINE_AREA) != null) {
                    continue;
                }
                String t = e.text().strip();
                Matcher by = BY_INSIDE.matcher(t);
                if (by.find()) {
                    t = t.substring(by.end());
                }
                t = BY_PREFIX.matcher(t).replaceFirst("").split("\\s+[|•]\\s+")[0].strip();
                if (t.isEmpty() || t.length() > 80 || t.split("\\s+").length > 10 || NOT_NAME.matcher(t).find()
                        || !Character.isLetter(t.codePointAt(0))) {
                    continue;
                }
                return t;
            }
        }
        return null;
    }

    /** The first of the values that parses as a date. */
    private String firstDate(String... values) {
        for (String v : values) {
            String d = date(v);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private String date(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ISO_DATE.matcher(value);
        if (m.find()) {
            int mo = Integer.parseInt(m.group(2));
            int d = Integer.parseInt(m.group(3));
            return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) : null;
        }
        return value.length() > 100 ? null : dates.parse(value);
    }

    private static String nonUrl(String v) {
        return v == null || URLISH.matcher(v.strip()).find() ? null : v.strip();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.put(key, value.strip());
        }
    }
}
