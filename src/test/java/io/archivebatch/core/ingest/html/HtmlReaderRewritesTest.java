package io.archivebatch.core.ingest.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page reader's rewritten parts give what the code they replace gave: the pruner that keeps its text lengths in
 * arrays by place prunes every wcxb-dev page as the pruner with maps did (that pruner is kept below as the
 * reference), the renderer with small methods and no strings per text node writes what the anonymous visitor
 * wrote, the byline's name test answers as its regular expression, and the text's line-break joining as its two
 * replacements.
 */
class HtmlReaderRewritesTest {

    @Test
    void prunesEveryRealPageAsTheMapBasedPrunerDid() throws IOException {
        HtmlPruner pruner = new HtmlPruner();
        HtmlText text = new HtmlText();
        int pages = 0;
        int changed = 0;
        List<String> different = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(io.archivebatch.Corpus.wcxbDev().resolve("html"))) {
            for (Path p : files) {
                byte[] html;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                    html = in.readAllBytes();
                }
                Document a = Jsoup.parse(new java.io.ByteArrayInputStream(html), null, "");
                Document b = Jsoup.parse(new java.io.ByteArrayInputStream(html), null, "");
                String before = a.outerHtml();
                pruner.prune(a);
                ReferencePruner.prune(b, 0.4);
                pages++;
                if (!a.outerHtml().equals(b.outerHtml())) {
                    different.add(p.getFileName().toString());
                }
                if (a.body() != null && !text.render(a.body()).equals(ReferenceText.render(a.body()))) {
                    different.add(p.getFileName().toString() + " (text)");
                }
                changed += before.equals(a.outerHtml()) ? 0 : 1;
            }
        }
        assertEquals(709, pages);
        assertTrue(changed > 600, "pages the pruner changed: " + changed);
        assertEquals(List.of(), different);
    }

    @Test
    void prunesMadeUpPagesAsTheMapBasedPrunerDid() {
        List<String> parts = List.of("<p>", "</p>", "<div class=comments>", "<div class=article-body>", "</div>",
                "<article>", "</article>", "<nav>", "</nav>", "<header>", "</header>", "<main>", "</main>",
                "<div itemprop=articleBody>", "<aside class=sidebar>", "</aside>", "<span style='display: none'>",
                "</span>", "<ul class=share><li>Share</li></ul>", "<div hidden>", "<div role=navigation>",
                "Some words of the article that run long enough to count as a paragraph of text here. ",
                "Short. ", "<br>", "<script>x()</script>", "<a href=/x>link text</a>", " ", "\n");
        Random r = new Random(5);
        HtmlPruner pruner = new HtmlPruner();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder("<html><body>");
            for (int k = r.nextInt(60); k >= 0; k--) {
                b.append(parts.get(r.nextInt(parts.size())));
            }
            Document x = Jsoup.parse(b.toString());
            Document y = Jsoup.parse(b.toString());
            pruner.prune(x);
            ReferencePruner.prune(y, 0.4);
            assertEquals(y.outerHtml(), x.outerHtml(), b.toString());
        }
    }

    private static final Pattern BYLINE_CLASS = Pattern.compile("byline|author|writer|contributor", Pattern.CASE_INSENSITIVE);

    @Test
    void bylineNamesAnswerAsTheExpression() {
        List<String> parts = List.of("byline", "BYLINE", "ByLine", "author", "Author-box", "AUTH", "writer", "wRiTeR",
                "contributor", "contributo", "bylıne", "autHor", "\u212Aauthor", "ſ", "wr", "iter", "by", "line", " ",
                "-", "é", "x", "ıtem", "");
        Random r = new Random(13);
        int hits = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(5); k >= 0; k--) {
                b.append(parts.get(r.nextInt(parts.size())));
            }
            String n = b.toString();
            boolean expected = BYLINE_CLASS.matcher(n).find();
            assertEquals(expected, HtmlMetadata.namesByline(n), n);
            hits += expected ? 1 : 0;
        }
        assertTrue(hits > 10_000 && hits < 190_000, "hits: " + hits);
        assertFalse(HtmlMetadata.namesByline("bylıne writ\u0131r"));
        assertTrue(HtmlMetadata.namesByline("post-AUTHOR"));
    }

    @Test
    void bylineNamesJoinedAnswerAsAnyOfTheirParts() {
        List<String> parts = List.of("by", "line", "byline", "auth", "or", "Author", "writ", "er", "contributor", "x", "",
                " ", "é", "AUTHOR-bio");
        Random r = new Random(29);
        int hits = 0;
        for (int i = 0; i < 100_000; i++) {
            String[] four = new String[4];
            boolean any = false;
            for (int k = 0; k < 4; k++) {
                four[k] = parts.get(r.nextInt(parts.size())) + parts.get(r.nextInt(parts.size()));
                any |= HtmlMetadata.namesByline(four[k]);
            }
            String joined = String.join(" ", four);
            assertEquals(BYLINE_CLASS.matcher(joined).find(), any, joined);
            hits += any ? 1 : 0;
        }
        assertTrue(hits > 5_000, "hits: " + hits);
    }

    private static final Pattern SPACED_BREAK = Pattern.compile("[ \\t]*\\n[ \\t]*");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{2,}");

    @Test
    void lineBreaksJoinAsTheTwoReplacementsDid() {
        List<String> parts = List.of(" ", "\t", "\n", "\r", "\f", "\u00a0", "a", "word", "é", "  ", "\n\n", " \n ", "\u000b");
        Random r = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(10); k >= 0; k--) {
                b.append(parts.get(r.nextInt(parts.size())));
            }
            String t = b.toString();
            assertEquals(BLANK_LINES.matcher(SPACED_BREAK.matcher(t).replaceAll("\n")).replaceAll("\n"),
                    HtmlText.joinLineBreaks(t), t);
        }
    }

    @Test
    void rendersMadeUpPagesAsTheTwoMethodVisitorDid() {
        List<String> parts = List.of("<p>", "</p>", "<pre>", "</pre>", "<a href=/x>", "</a>", "<br>", "<div>", "</div>",
                "<li>", " ", "\n", "\t", "\u00a0", "\u200b", "\u000b", "\u2003", "word", "Two words ", " lead", "trail ",
                "é", "😀", "&nbsp;", "\r\n", "  \n  ");
        Random r = new Random(19);
        HtmlText text = new HtmlText();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder("<html><body>");
            for (int k = r.nextInt(30); k >= 0; k--) {
                b.append(parts.get(r.nextInt(parts.size())));
            }
            Element body = Jsoup.parse(b.toString()).body();
            assertEquals(ReferenceText.render(body), text.render(body), b.toString());
        }
    }

    /** The renderer as it was: an anonymous visitor of two methods, strings made for each text node. */
    private static final class ReferenceText {
        private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
                "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "thead",
                "tbody", "blockquote", "pre", "figure", "figcaption", "address", "hr", "body", "center", "details",
                "summary", "caption", "nav", "aside", "form", "fieldset", "legend");

        static String render(Element root) {
            StringBuilder out = new StringBuilder();
            StringBuilder block = new StringBuilder();
            int[] linkChars = {0};
            int[] inLink = {0};
            int[] inPre = {0};
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (node instanceof TextNode t) {
                        String s = inPre[0] > 0 ? t.getWholeText() : t.text();
                        if (s.isBlank()) {
                            if (!s.isEmpty() && block.length() > 0 && block.charAt(block.length() - 1) != ' ') {
                                block.append(' ');
                            }
                            return;
                        }
                        int before = block.length();
                        if (before > 0 && Character.isWhitespace(s.charAt(0)) && block.charAt(before - 1) != '\n') {
                            block.append(' ');
                        }
                        block.append(s.strip());
                        if (Character.isWhitespace(s.charAt(s.length() - 1))) {
                            block.append(' ');
                        }
                        if (inLink[0] > 0) {
                            linkChars[0] += s.strip().length();
                        }
                    } else if (node instanceof Element e) {
                        String tag = e.normalName();
                        if (tag.equals("br")) {
                            while (block.length() > 0 && block.charAt(block.length() - 1) == ' ') {
                                block.setLength(block.length() - 1);
                            }
                            block.append('\n');
                        } else if (tag.equals("a")) {
                            inLink[0]++;
                        } else if (tag.equals("pre")) {
                            inPre[0]++;
                        }
                        if (BLOCKS.contains(tag)) {
                            flush();
                        }
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e) {
                        String tag = e.normalName();
                        if (tag.equals("a")) {
                            inLink[0]--;
                        } else if (tag.equals("pre")) {
                            inPre[0]--;
                        }
                        if (BLOCKS.contains(tag)) {
                            flush();
                        }
                    }
                }

                private void flush() {
                    String text = block.toString().strip();
                    if (!text.isEmpty()) {
                        int chars = 0;
                        for (int i = 0; i < text.length(); i++) {
                            chars += io.archivebatch.core.text.CharTable.isRegexSpace(text.charAt(i)) ? 0 : 1;
                        }
                        if ((chars == 0 || (double) linkChars[0] / chars <= 0.6) && out.length() + text.length() <= 20 * 1024 * 1024) {
                            if (out.length() > 0) {
                                out.append("\n\n");
                            }
                            out.append(text.indexOf('\n') < 0 ? text
                                    : BLANK_LINES.matcher(SPACED_BREAK.matcher(text).replaceAll("\n")).replaceAll("\n"));
                        }
                    }
                    block.setLength(0);
                    linkChars[0] = 0;
                }
            }, root);
            String rest = block.toString().strip();
            if (!rest.isEmpty()) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(rest);
            }
            return out.toString();
        }
    }

    /** The pruner as it was before its text lengths moved into arrays: maps by element, sets of elements. */
    private static final class ReferencePruner {
        private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "svg", "canvas",
                "iframe", "object", "embed", "select", "option", "button", "input", "textarea", "head", "link", "meta",
                "math", "video", "audio", "map", "dialog");
        private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "header", "form", "menu");

        static void prune(Document doc, double maxShare) {
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
            Map<Element, Integer> textLength = textLengths(body, false);
            Element main = mainContent(body);
            Set<Element> kept = articleAncestors(body);
            for (Element e = main; e != null; e = e.parent()) {
                kept.add(e);
            }
            Set<Element> inMain = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            if (main != null && main != body) {
                inMain.addAll(main.getAllElements());
            }
            int total = Math.max(1, textLength.getOrDefault(body, 0));
            List<Element> chrome = new ArrayList<>();
            for (Element e : body.getAllElements()) {
                if (e == body || kept.contains(e)) {
                    continue;
                }
                if (!hidden(e) && !chromeLike(e, inMain.contains(e))) {
                    continue;
                }
                double share = (double) textLength.getOrDefault(e, 0) / total;
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

        static Element mainContent(Element body) {
            Map<Element, Integer> paragraphText = textLengths(body, true);
            int total = paragraphText.getOrDefault(body, 0);
            if (total < 200) {
                return null;
            }
            Element e = body;
            while (true) {
                Element next = null;
                for (Element c : e.children()) {
                    if (paragraphText.getOrDefault(c, 0) >= HtmlPruner.MAIN_SHARE * total) {
                        next = c;
                        break;
                    }
                }
                if (next == null) {
                    return e;
                }
                e = next;
            }
        }

        private static boolean hidden(Element e) {
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

        private static boolean chromeLike(Element e, boolean insideMain) {
            String tag = e.normalName();
            if (CHROME_TAGS.contains(tag)) {
                return !(tag.equals("header") && e.closest("article, main, [itemprop=articleBody]") != null);
            }
            String role = e.attr("role").toLowerCase(Locale.ROOT);
            if (role.equals("navigation") || role.equals("banner") || role.equals("contentinfo") || role.equals("complementary")) {
                return true;
            }
            String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT).trim();
            if (names.isEmpty()) {
                return false;
            }
            int c = HtmlPruner.nameClass(names);
            if ((c & 1) != 0) {
                return false;
            }
            return (c & 2) != 0 || !insideMain && (c & 4) != 0;
        }

        private static Set<Element> articleAncestors(Element body) {
            List<Element> marked = new ArrayList<>(body.select("[itemprop=articleBody]"));
            var articles = body.select("article");
            if (articles.size() == 1) {
                marked.add(articles.first());
            }
            Set<Element> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Element m : marked) {
                for (Element e = m; e != null && out.add(e); e = e.parent()) {
                    // walk up until an ancestor already seen
                }
            }
            return out;
        }

        static Map<Element, Integer> textLengths(Element root, boolean paragraphsOnly) {
            Map<Element, Integer> len = new IdentityHashMap<>();
            int[] inParagraph = {0};
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (node instanceof Element e && e.normalName().equals("p")) {
                        inParagraph[0]++;
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    int own;
                    if (node instanceof Element e && e.normalName().equals("p")) {
                        inParagraph[0]--;
                    }
                    if (node instanceof TextNode t) {
                        own = paragraphsOnly && inParagraph[0] == 0 ? 0 : HtmlPruner.visibleLength(t.getWholeText());
                    } else if (node instanceof Element e) {
                        own = len.getOrDefault(e, 0);
                    } else {
                        return;
                    }
                    if (node.parent() instanceof Element p && own > 0) {
                        len.merge(p, own, Integer::sum);
                    }
                }
            }, root);
            return len;
        }
    }
}
