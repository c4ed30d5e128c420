package io.archivebatch.core.ingest.html;

import io.archivebatch.core.pipeline.TimeLimit;
import io.archivebatch.core.text.CharTable;
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
        StringBuilder out = new StringBuilder();
        StringBuilder block = new StringBuilder();
        int[] linkChars = {0};
        int[] inLink = {0};
        int[] inPre = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                TimeLimit.checkInterrupted();
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
                        trimEnd(block);
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
                    int chars = visibleChars(text);
                    if ((chars == 0 || (double) linkChars[0] / chars <= maxLinkDensity)
                            && out.length() + text.length() <= maxChars) {
                        if (out.length() > 0) {
                            out.append("\n\n");
                        }
                        // spaces around line breaks cut and blank lines dropped (only where there is a line break)
                        out.append(text.indexOf('\n') < 0 ? text : joinLineBreaks(text));
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
