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
 * The pruner's own scans give what the slower ways they replace give: its name lists answer as the regular expressions
 * did, and its text lengths are jsoup's normalized, trimmed text lengths; on real pages (wcxb-dev) and made-up strings.
 */
class HtmlPrunerScansTest {

    private static final Set<String> NAMES = new LinkedHashSet<>();
    private static final List<String> TEXTS = new java.util.ArrayList<>();

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
                    NodeTraversor.traverse((node, depth) -> {
                        if (node instanceof TextNode t) {
                            TEXTS.add(t.getWholeText());
                        }
                    }, doc);
                }
            }
        }
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
