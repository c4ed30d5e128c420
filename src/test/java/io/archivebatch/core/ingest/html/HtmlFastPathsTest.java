package io.archivebatch.core.ingest.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML reader's fast paths give what the slower ways they replace give, on real pages (wcxb-dev) and made-up
 * strings: the pruner's name lists answer as the regular expressions did, its text lengths are jsoup's normalized,
 * trimmed text lengths, and the page index's queries find what jsoup's {@code select} finds.
 */
class HtmlFastPathsTest {

    private static final Set<String> NAMES = new LinkedHashSet<>();
    private static final List<String> TEXTS = new java.util.ArrayList<>();
    private static final List<String> INDEX_DIFFERENCES = new java.util.ArrayList<>();
    private static int indexFinds;

    @BeforeAll
    static void readPages() throws IOException {
        try (DirectoryStream<Path> pages = Files.newDirectoryStream(io.archivebatch.Corpus.wcxbDev().resolve("html"))) {
            for (Path p : pages) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                    Document doc = Jsoup.parse(in, null, "");
                    for (Element e : doc.getAllElements()) {
                        String n = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT).trim();
                        if (!n.isEmpty()) {
                            NAMES.add(n);
                        }
                    }
                    compareIndexWithSelect(p.getFileName().toString(), doc);
                    NodeTraversor.traverse((node, depth) -> {
                        if (node instanceof TextNode t) {
                            TEXTS.add(t.getWholeText());
                        }
                    }, doc);
                }
            }
        }
    }

    /** Each query the metadata and headline readers ask of the index, against {@code select} on the page. */
    private static void compareIndexWithSelect(String page, Document doc) {
        PageIndex index = new PageIndex(doc);
        Element article = doc.selectFirst("article");
        java.util.function.BiConsumer<String, List<Element>> same = (q, candidates) -> {
            List<Element> expected = doc.select(q);
            List<Element> got = index.all(q, candidates, doc);
            indexFinds += got.size();
            if (!expected.equals(got) || index.first(q, candidates) != doc.selectFirst(q)) {
                INDEX_DIFFERENCES.add(page + ": " + q);
            }
            if (article != null) {
                List<Element> inArticle = article.select(q);
                if (!inArticle.equals(index.all(q, candidates, article))) {
                    INDEX_DIFFERENCES.add(page + ": " + q + " in <article>");
                }
            }
        };
        same.accept("meta[content]", index.metas);
        same.accept("script[type=application/ld+json]", index.scripts);
        same.accept("[itemprop=datePublished]", index.itemprops);
        same.accept("[itemprop=author]", index.itemprops);
        same.accept("time[datetime]", index.times);
        same.accept("a[href]", index.anchors);
        same.accept("article", index.articles);
        same.accept("html", index.htmls);
        same.accept("link[rel=canonical][href]", index.links);
        same.accept("h1", index.h1s);
        same.accept("h1, h2, h3, h4", index.headings);
        same.accept("[class*=title], [class*=headline], [itemprop=headline]", index.classedOrItemprop);
        same.accept("meta[name=twitter:title][content], meta[property=twitter:title][content]", index.metas);
        // queries whose every alternative is an h1 (h2) ask the h1s (the h1-h4 headings)
        same.accept("article h1, [itemprop=articleBody] h1, main h1", index.h1s);
        same.accept("article h2, main h2", index.headings);
        if (doc.body() != null) {
            String q = "[class*=title], [class*=headline], [itemprop=headline]";
            List<Element> all = doc.body().select(q);
            if (!all.equals(index.all(q, index.classedOrItemprop, doc.body()))) {
                INDEX_DIFFERENCES.add(page + ": " + q + " in <body>");
            }
            for (int limit : new int[]{1, 3, 200}) {
                if (!all.subList(0, Math.min(limit, all.size())).equals(index.all(q, index.classedOrItemprop, doc.body(), limit))) {
                    INDEX_DIFFERENCES.add(page + ": " + q + " in <body>, first " + limit);
                }
            }
        }
    }

    @Test
    void pageIndexFindsWhatSelectFinds() {
        assertTrue(indexFinds > 100_000, "elements found: " + indexFinds);
        assertEquals(List.of(), INDEX_DIFFERENCES);
    }

    private static final Pattern ARTICLE = Pattern.compile(
            "(^|[-_ ])(article-?body|entry-content|post-content|post-body|story-body|article-content|main-content)($|[-_ ])");
    private static final Pattern STRONG = Pattern.compile(
            "(^|[-_ ])(comment|comments|share|sharing|social|related|newsletter|subscribe|subscription|cookie|consent"
                    + "|gdpr|breadcrumbs?|advert|advertisement|sponsored|popup|modal|author-?bio|about-author|author-box"
                    + "|recommended|recommendations|more-stories|jp-relatedposts|sharedaddy|signup|paywall|disqus"
                    + "|post-navigation|related-posts|most-read)($|[-_ ])");
    private static final Pattern WEAK = Pattern.compile(
            "(^|[-_ ])(sidebar|widget|promo|ads?|footer|menu|navbar|nav|navigation|skip|tags|tag-?list|banner"
                    + "|masthead|toolbar|pagination|pager|trending|popular|rating|print|read-?more)($|[-_ ])");

    private static int byRegex(String names) {
        return ARTICLE.matcher(names).find() ? 1 : STRONG.matcher(names).find() ? 2 : WEAK.matcher(names).find() ? 4 : 0;
    }

    @Test
    void sameAnswersAsTheExpressionsOnTheClassNamesOfRealPages() {
        Set<String> names = NAMES;
        assertTrue(names.size() > 10_000, "class-and-id strings read: " + names.size());
        int[] classes = new int[5];
        for (String n : names) {
            int expected = byRegex(n);
            assertEquals(expected, HtmlPruner.nameClass(n), n);
            classes[expected]++;
        }
        // every outcome occurs on real pages, so each branch above was compared
        assertTrue(classes[1] > 0 && classes[2] > 0 && classes[4] > 0 && classes[0] > 0, java.util.Arrays.toString(classes));
    }

    @Test
    void sameAnswersOnMadeUpNamesAroundTheBoundaries() {
        List<String> parts = List.of("comment", "comments", "commentary", "xcomment", "ad", "ads", "adsx", "bad", "read",
                "more", "read-more", "readmore", "tag", "list", "taglist", "author", "bio", "about", "box", "article",
                "body", "articlebody", "entry", "content", "nav", "navbar", "é", "ünïcode", "share", "sharedaddy", "x");
        List<String> seps = List.of("-", "_", " ", "", "--", ".", "\n", "é");
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int k = 1 + r.nextInt(4);
            for (int j = 0; j < k; j++) {
                if (j > 0 || r.nextInt(4) == 0) {
                    b.append(seps.get(r.nextInt(seps.size())));
                }
                b.append(parts.get(r.nextInt(parts.size())));
            }
            if (r.nextInt(4) == 0) {
                b.append(seps.get(r.nextInt(seps.size())));
            }
            String n = b.toString().trim();
            assertEquals(byRegex(n), HtmlPruner.nameClass(n), n);
        }
    }

    @Test
    void wholePartsOnly() {
        ClassNames names = ClassNames.of("ad", "read-more");
        assertTrue(names.find("ad"));
        assertTrue(names.find("top-ad_slot"));
        assertTrue(names.find("x read-more"));
        assertFalse(names.find("bad"));
        assertFalse(names.find("ads"));
        assertFalse(names.find("read more"));
        assertFalse(names.find(""));
    }

    @Test
    void textLengthsAsJsoupNormalizesAndTrims() {
        assertTrue(TEXTS.size() > 100_000, "text nodes read: " + TEXTS.size());
        for (String t : TEXTS) {
            assertEquals(new TextNode(t).text().trim().length(), HtmlPruner.visibleLength(t), t);
        }
        List<String> parts = List.of(" ", "\t", "\n", "\r", "\f", "\u00a0", "\u200b", "\u00ad", "\u000b", "\u0001", "a",
                "é", "😀", "\ud800", "\udc00", "word", "  ");
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = r.nextInt(8); j >= 0; j--) {
                b.append(parts.get(r.nextInt(parts.size())));
            }
            String t = b.toString();
            assertEquals(new TextNode(t).text().trim().length(), HtmlPruner.visibleLength(t), t);
        }
    }
}
