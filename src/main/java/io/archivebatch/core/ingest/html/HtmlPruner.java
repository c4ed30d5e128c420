package io.archivebatch.core.ingest.html;

import io.archivebatch.core.pipeline.TimeLimit;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes what the DOM itself marks as page chrome before the page is turned into text: elements that are never
 * read (scripts, styles, forms' controls, hidden elements), navigation, asides, page headers and footers, and
 * elements whose class or id names a widget (share bars, comments, related lists, newsletter boxes, cookie
 * notices...). An element is removed only when it holds a small part of the page's text, so a wrapper that happens
 * to carry such a class (a {@code <body class="has-sidebar">}) and the article it holds stay.
 */
public final class HtmlPruner {

    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "select", "option", "button", "input", "textarea", "head", "link", "meta",
            "math", "video", "audio", "map", "dialog");
    private static final org.jsoup.select.Evaluator ARTICLE_AREA =
            org.jsoup.select.QueryParser.parse("article, main, [itemprop=articleBody]");
    private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "header", "form", "menu");

    /** Names of widgets wherever they are, also inside the article (share bars, comments, related lists...). */
    private static final ClassNames STRONG_NAME = ClassNames.of("comment", "comments", "share", "sharing", "social",
            "related", "newsletter", "subscribe", "subscription", "cookie", "consent", "gdpr", "breadcrumb",
            "breadcrumbs", "advert", "advertisement", "sponsored", "popup", "modal", "author-bio", "authorbio",
            "about-author", "author-box", "recommended", "recommendations", "more-stories", "jp-relatedposts",
            "sharedaddy", "signup", "paywall", "disqus", "post-navigation", "related-posts", "most-read");
    /** Names that mean chrome only around the article (a CMS calls its body modules "widget" too). */
    private static final ClassNames WEAK_NAME = ClassNames.of("sidebar", "widget", "promo", "ad", "ads", "footer",
            "menu", "navbar", "nav", "navigation", "skip", "tags", "tag-list", "taglist", "banner", "masthead",
            "toolbar", "pagination", "pager", "trending", "popular", "rating", "print", "read-more", "readmore");

    /** The element share of the page's text above which nothing is removed for its name or tag alone. */
    private final double maxShare;

    public HtmlPruner(double maxShare) {
        this.maxShare = maxShare;
    }

    public HtmlPruner() {
        this(0.4);
    }

    public void prune(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return;
        }
        List<Element> never = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (NEVER_TEXT.contains(e.normalName())) {
                never.add(e);
            }
        }
        never.forEach(Node::remove);
        Tree tree = new Tree(body);
        int main = tree.mainContent();
        boolean[] kept = tree.articleAncestors();
        for (int e = main; e >= 0; e = tree.parent[e]) {
            kept[e] = true;
        }
        // the elements inside the article's container (when it is not the body): main's subtree in pre-order
        int inMainFrom = main > 0 ? main : Integer.MAX_VALUE;
        int inMainTo = main > 0 ? main + tree.descendants[main] : -1;
        int total = Math.max(1, tree.text[0]);
        List<Element> chrome = new ArrayList<>();
        Map<String, Integer> nameClasses = new HashMap<>(); // a page repeats its class names: each is looked up once
        for (int i = 1; i < tree.size; i++) { // 0 is the body
            TimeLimit.checkInterrupted();
            if (kept[i]) {
                continue;
            }
            Element e = tree.elements.get(i);
            if (!hidden(e) && !chromeLike(e, i >= inMainFrom && i <= inMainTo, nameClasses)) {
                continue;
            }
            double share = (double) tree.text[i] / total;
            if (share <= maxShare) {
                chrome.add(e);
            }
        }
        for (Element e : chrome) {
            if (e.parent() != null) {
                e.remove();
            }
        }
    }

    /**
     * The elements under a root in document order (pre-order, the root first, as {@code getAllElements} lists them),
     * each with its parent's and its last descendant's place, its visible text length and the part of it inside
     * {@code <p>} elements, from one walk over the page. Arrays by place, not maps by element: the maps' identity
     * hashing and boxing were most of the pruner's time.
     */
    static final class Tree {
        final List<Element> elements = new ArrayList<>();
        int size;
        int[] parent = new int[64];
        /** How many elements the element holds (all levels): its subtree is {@code [i, i + descendants[i]]}. */
        int[] descendants = new int[64];
        /** Visible text length ({@link #visibleLength}) of all its text. */
        int[] text = new int[64];
        /** The same, counting only text inside {@code <p>} elements. */
        int[] paragraphText = new int[64];
        /** The elements marked as the article ({@code [itemprop=articleBody]}), and those named {@code article}. */
        final List<Integer> marked = new ArrayList<>();
        final List<Integer> articles = new ArrayList<>();

        Tree(Element root) {
            int[] open = {-1}; // the element being walked
            int[] inParagraph = {0};
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (node instanceof Element e) {
                        int i = add(e, open[0]);
                        open[0] = i;
                        if (e.normalName().equals("p")) {
                            inParagraph[0]++;
                        }
                        if (ARTICLE_BODY.matches(root, e)) {
                            marked.add(i);
                        }
                        if (ARTICLE_TAG.matches(root, e)) {
                            articles.add(i);
                        }
                    } else if (node instanceof TextNode t && open[0] >= 0) {
                        int own = visibleLength(t.getWholeText());
                        text[open[0]] += own;
                        paragraphText[open[0]] += inParagraph[0] == 0 ? 0 : own;
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e) {
                        int i = open[0];
                        if (e.normalName().equals("p")) {
                            inParagraph[0]--;
                        }
                        descendants[i] = size - 1 - i;
                        int p = parent[i];
                        if (p >= 0) {
                            text[p] += text[i];
                            paragraphText[p] += paragraphText[i];
                        }
                        open[0] = p;
                    }
                }
            }, root);
        }

        private int add(Element e, int parentPlace) {
            if (size == parent.length) {
                int n = size * 2;
                parent = java.util.Arrays.copyOf(parent, n);
                descendants = java.util.Arrays.copyOf(descendants, n);
                text = java.util.Arrays.copyOf(text, n);
                paragraphText = java.util.Arrays.copyOf(paragraphText, n);
            }
            elements.add(e);
            parent[size] = parentPlace;
            return size++;
        }

        /**
         * The article's container: the deepest element holding at least {@value #MAIN_SHARE} of the root's paragraph
         * text (the text of {@code <p>} elements), after Readability's scoring of paragraph parents; -1 when the
         * root has less than 200 characters of it.
         */
        int mainContent() {
            int total = paragraphText[0];
            if (total < 200) {
                return -1;
            }
            int e = 0;
            while (true) {
                int next = -1;
                for (int c = e + 1; c <= e + descendants[e]; c += descendants[c] + 1) { // e's children in order
                    if (paragraphText[c] >= MAIN_SHARE * total) {
                        next = c;
                        break;
                    }
                }
                if (next < 0) {
                    return e;
                }
                e = next;
            }
        }

        /** Elements holding the article body marker (or the root's only {@code <article>}), marked by place. */
        boolean[] articleAncestors() {
            boolean[] out = new boolean[size];
            List<Integer> from = new ArrayList<>(marked);
            if (articles.size() == 1) {
                from.add(articles.get(0));
            }
            for (int m : from) {
                for (int e = m; e >= 0 && !out[e]; e = parent[e]) {
                    out[e] = true;
                }
            }
            return out;
        }
    }

    private static final org.jsoup.select.Evaluator ARTICLE_BODY = Css.of("[itemprop=articleBody]");
    private static final org.jsoup.select.Evaluator ARTICLE_TAG = Css.of("article");

    static final double MAIN_SHARE = 0.7;

    private static boolean hidden(Element e) {
        if (e.attributesSize() == 0) {
            return false; // no hidden, aria-hidden or style
        }
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden")) && !e.normalName().equals("html")) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty()) {
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            return s.contains("display:none") || s.contains("visibility:hidden");
        }
        return false;
    }

    private static final int ARTICLE = 1;
    private static final int STRONG = 2;
    private static final int WEAK = 4;

    /** @param nameClasses the page's class-and-id strings already matched, with their {@link #nameClass} */
    private static boolean chromeLike(Element e, boolean insideMain, Map<String, Integer> nameClasses) {
        String tag = e.normalName();
        if (CHROME_TAGS.contains(tag)) {
            // the article's own header (title, byline, date) stays
            return !(tag.equals("header") && e.closest(ARTICLE_AREA) != null);
        }
        if (e.attributesSize() == 0) {
            return false; // no role, class or id
        }
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (role.equals("navigation") || role.equals("banner") || role.equals("contentinfo") || role.equals("complementary")) {
            return true;
        }
        String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT).trim();
        if (names.isEmpty()) {
            return false;
        }
        int c = nameClasses.computeIfAbsent(names, HtmlPruner::knownNameClass);
        if ((c & ARTICLE) != 0) {
            return false;
        }
        return (c & STRONG) != 0 || !insideMain && (c & WEAK) != 0;
    }

    /**
     * Class-and-id strings already matched, by any page of the run: a site's pages share their class names, and the
     * matching them was most of the pruner's time. A pure function's results, so sharing them changes nothing;
     * emptied when it grows past {@value #KNOWN_NAMES_MAX} entries, and only strings up to
     * {@value #KNOWN_NAME_CHARS} characters are kept (a hostile page's megabyte-long class attribute is not).
     */
    private static final Map<String, Integer> KNOWN_NAMES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KNOWN_NAMES_MAX = 50_000;
    private static final int KNOWN_NAME_CHARS = 300;

    private static int knownNameClass(String names) {
        if (names.length() > KNOWN_NAME_CHARS) {
            return nameClass(names);
        }
        Integer c = KNOWN_NAMES.get(names);
        if (c == null) {
            c = nameClass(names);
            if (KNOWN_NAMES.size() >= KNOWN_NAMES_MAX) {
                KNOWN_NAMES.clear();
            }
            KNOWN_NAMES.put(names, c);
        }
        return c;
    }

    /** The first of the article, strong-chrome and weak-chrome name lists a class-and-id string holds, or 0. */
    static int nameClass(String names) {
        return ARTICLE_NAME.find(names) ? ARTICLE : STRONG_NAME.find(names) ? STRONG : WEAK_NAME.find(names) ? WEAK : 0;
    }

    /** Names of the article's own container. */
    private static final ClassNames ARTICLE_NAME = ClassNames.of("article-body", "articlebody", "entry-content",
            "post-content", "post-body", "story-body", "article-content", "main-content");

    /**
     * {@code TextNode.text().trim().length()} of a text node's whole text, counted without building the string: white
     * space runs (jsoup's: space, tab, LF, FF, CR, no-break space) count as one space, zero-width spaces and soft
     * hyphens not at all, and what {@link String#trim()} would cut at both ends (characters up to U+0020) is left out.
     */
    static int visibleLength(String whole) {
        int n = whole.length();
        int out = 0; // length of the normalized text so far
        int first = -1; // where its first character above U+0020 is
        int end = 0; // and where its last one ends
        boolean lastWasWhite = false;
        for (int i = 0; i < n; ) {
            int c = whole.codePointAt(i);
            int size = Character.charCount(c);
            i += size;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 160) {
                if (!lastWasWhite) {
                    out++;
                    lastWasWhite = true;
                }
            } else if (c != 8203 && c != 173) {
                if (c > ' ') {
                    first = first < 0 ? out : first;
                    end = out + size;
                }
                out += size;
                lastWasWhite = false;
            }
        }
        return first < 0 ? 0 : end - first;
    }
}
