package io.archivebatch.core.ingest.html;

import io.archivebatch.core.pipeline.TimeLimit;
import io.archivebatch.core.text.CharTable;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * Turns a (pruned) page into the text a naive scraper saves — one block a paragraph, heading, list item or table
 * cell, blocks separated by a blank line — so the text cleaner reads HTML and dumps alike. What only the DOM shows
 * is used on the way: a block made mostly of link text (a menu, a list of story links) is dropped.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "thead",
            "tbody", "blockquote", "pre", "figure", "figcaption", "address", "hr", "body", "center", "details",
            "summary", "caption", "nav", "aside", "form", "fieldset", "legend");

    /** A block whose linked characters exceed this share of its characters is navigation. */
    private final double maxLinkDensity;
    private final int maxChars;

    public HtmlText(double maxLinkDensity, int maxChars) {
        this.maxLinkDensity = maxLinkDensity;
        this.maxChars = maxChars;
    }

    public HtmlText() {
        this(0.6, 20 * 1024 * 1024);
    }

    public String render(Element root) {
        Renderer r = new Renderer();
        NodeTraversor.traverse(r, root);
        String rest = r.block.toString().strip();
        if (!rest.isEmpty()) {
            if (r.out.length() > 0) {
                r.out.append("\n\n");
            }
            r.out.append(rest);
        }
        return r.out.toString();
    }

    /**
     * The walk over the page: a text node's text is added to the block being read, a block element ends it. Small
     * methods, so that the JIT compiles small units (the visitor as two methods was compiled three times a run, after
     * rare branches, each time with all of it inlined).
     */
    private final class Renderer implements NodeVisitor {
        final StringBuilder out = new StringBuilder();
        final StringBuilder block = new StringBuilder();
        /**
         * A text node's text as {@code TextNode.text()} gives it (white space runs made one space), reused: made by
         * the jsoup normalizer {@code text()} calls, an internal one (HtmlReaderRewritesTest compares the two on every
         * wcxb-dev page, so a jsoup that changes either shows).
         */
        private final StringBuilder text = new StringBuilder();
        private int linkChars;
        private int inLink;
        private int inPre;

        @Override
        public void head(Node node, int depth) {
            TimeLimit.checkInterrupted();
            if (node instanceof TextNode t) {
                text(t);
            } else if (node instanceof Element e) {
                open(e.normalName());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                close(e.normalName());
            }
        }

        private void open(String tag) {
            if (tag.equals("br")) {
                trimEnd(block);
                block.append('\n');
            } else if (tag.equals("a")) {
                inLink++;
            } else if (tag.equals("pre")) {
                inPre++;
            }
            if (BLOCKS.contains(tag)) {
                flush();
            }
        }

        private void close(String tag) {
            if (tag.equals("a")) {
                inLink--;
            } else if (tag.equals("pre")) {
                inPre--;
            }
            if (BLOCKS.contains(tag)) {
                flush();
            }
        }

        /**
         * Adds the node's text (its whole text inside {@code <pre>}, else white space made single spaces) stripped,
         * with a space before it when it starts with white space and after it when it ends with some; a blank text
         * adds a space. The strip as {@link String#strip()} makes it, without making the strings.
         */
        private void text(TextNode t) {
            CharSequence s;
            if (inPre > 0) {
                s = t.getWholeText();
            } else {
                text.setLength(0);
                StringUtil.appendNormalisedWhitespace(text, t.getWholeText(), false);
                s = text;
            }
            int n = s.length();
            int from = 0;
            while (from < n && Character.isWhitespace(s.charAt(from))) {
                from++;
            }
            if (from == n) { // blank
                if (n > 0 && block.length() > 0 && block.charAt(block.length() - 1) != ' ') {
                    block.append(' ');
                }
                return;
            }
            int to = n;
            while (Character.isWhitespace(s.charAt(to - 1))) {
                to--;
            }
            int before = block.length();
            if (before > 0 && from > 0 && block.charAt(before - 1) != '\n') {
                block.append(' ');
            }
            block.append(s, from, to);
            if (to < n) {
                block.append(' ');
            }
            if (inLink > 0) {
                linkChars += to - from;
            }
        }

        private void flush() {
            String done = block.toString().strip();
            if (!done.isEmpty()) {
                int chars = visibleChars(done);
                if ((chars == 0 || (double) linkChars / chars <= maxLinkDensity)
                        && out.length() + done.length() <= maxChars) {
                    if (out.length() > 0) {
                        out.append("\n\n");
                    }
                    // spaces around line breaks cut and blank lines dropped (only where there is a line break)
                    out.append(done.indexOf('\n') < 0 ? done : joinLineBreaks(done));
                }
            }
            block.setLength(0);
            linkChars = 0;
        }
    }

    /**
     * The text with every run of spaces, tabs and line feeds that holds a line feed made one line feed: what
     * replacing {@code [ \t]*\n[ \t]*} with a line feed and then {@code \n{2,}} with one gives, in one pass and
     * without the expressions (their compiled code was the largest of the page reader's).
     */
    static String joinLineBreaks(String text) {
        int n = text.length();
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n') {
                b.append(c);
                i++;
                continue;
            }
            int j = i;
            boolean lineFeed = false;
            while (j < n && ((c = text.charAt(j)) == ' ' || c == '\t' || c == '\n')) {
                lineFeed |= c == '\n';
                j++;
            }
            if (lineFeed) {
                b.append('\n');
            } else {
                b.append(text, i, j);
            }
            i = j;
        }
        return b.toString();
    }

    /** Characters that are not {@code \\s} (ASCII white space): the text's length without its white space. */
    private static int visibleChars(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += CharTable.isRegexSpace(text.charAt(i)) ? 0 : 1;
        }
        return n;
    }

    private static void trimEnd(StringBuilder b) {
        while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
            b.setLength(b.length() - 1);
        }
    }
}
