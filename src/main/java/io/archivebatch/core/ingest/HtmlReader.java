package io.archivebatch.core.ingest;

import io.archivebatch.core.ingest.html.HtmlMetadata;
import io.archivebatch.core.ingest.html.HtmlPruner;
import io.archivebatch.core.ingest.html.HtmlText;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.text.Mojibake;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTML page ({@code .html}, {@code .htm}, {@code .xhtml}, or a page found by its first bytes) with jsoup:
 * the metadata the page states ({@link HtmlMetadata}), then the DOM pruned of chrome ({@link HtmlPruner}) and turned
 * into dump text ({@link HtmlText}) that the text cleaner finishes. The charset comes from the byte order mark, the
 * {@code <meta charset>} or, inside WARC files, the HTTP header; jsoup falls back to UTF-8. Nesting deeper than
 * {@value #MAX_DEPTH} elements is flattened by the parser, so a hostile page cannot exhaust the stack.
 */
public final class HtmlReader {

    static final int MAX_DEPTH = 256;

    private final long maxBytes;
    private final HtmlMetadata metadata = new HtmlMetadata();
    private final HtmlPruner pruner = new HtmlPruner();
    private final HtmlText text = new HtmlText();

    public HtmlReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public HtmlReader() {
        this(20L * 1024 * 1024);
    }

    public static boolean isHtmlName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml") || n.endsWith(".shtml");
    }

    /** True when the first bytes look like markup ({@code <!doctype html}, {@code <html}, {@code <head}...). */
    public static boolean looksLikeHtml(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        String start = new String(head, i, Math.min(64, head.length - i), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                || start.startsWith("<!--") && start.contains("<html") || start.startsWith("<?xml") && start.contains("html");
    }

    public RawDocument read(InputEntry entry) throws RejectedInputException {
        return parse(entry.source(), entry.readAtMost(maxBytes), null, null);
    }

    /**
     * @param charset   the HTTP header's charset, or null to detect it (BOM, meta)
     * @param url       the page's address when the container knows it (WARC target URI), else the canonical URL
     */
    public RawDocument parse(String source, byte[] bytes, String charset, String url)
            throws RejectedInputException {
        if (bytes.length == 0) {
            throw new RejectedInputException("empty", "the page is empty");
        }
        int nul = 0;
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            nul += bytes[i] == 0 ? 1 : 0;
        }
        if (nul > 8 && !utf16(bytes)) {
            throw new RejectedInputException("binary", "the page holds NUL bytes: not HTML text");
        }
        Document doc;
        try {
            doc = document(bytes, charset, url);
        } catch (IOException | RuntimeException e) {
            throw new RejectedInputException("unparsable_html", "jsoup could not parse the page: " + e.getMessage());
        }
        Map<String, String> given = new HashMap<>(metadata.extract(doc));
        String pageUrl = url != null ? url : given.get("url");
        given.remove("url");
        pruner.prune(doc);
        String body = doc.body() == null ? "" : text.render(doc.body());
        if (body.isBlank()) {
            throw new RejectedInputException("no_text", "the page has no visible text");
        }
        List<String> flags = new ArrayList<>();
        return new RawDocument(source, pageUrl, body, bytes.length, flags, given);
    }

    /** The page's DOM as this reader parses it: the given or detected charset, nesting bounded. */
    public static Document document(byte[] bytes, String charset, String url) throws IOException {
        String cs = charset != null && Charset.isSupported(charset) ? charset : null;
        Document doc = org.jsoup.Jsoup.parse(new ByteArrayInputStream(bytes), cs, url == null ? "" : url,
                Parser.htmlParser().setMaxDepth(MAX_DEPTH));
        repairMojibake(doc);
        return doc;
    }

    /**
     * Whether a script's data may be read: the metadata reads the JSON-LD scripts' (HtmlMetadata), nothing reads the
     * other scripts' and the styles' (a page's JavaScript, often most of its bytes, was scanned for mojibake for
     * nothing). Any script whose type mentions JSON, so every one the metadata's selector takes.
     */
    private static boolean isJsonScript(org.jsoup.nodes.Node parent) {
        return parent instanceof org.jsoup.nodes.Element e && e.normalName().equals("script")
                && e.attr("type").toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    /** Double-encoded UTF-8 in the page's text, attribute values and JSON scripts (JSON-LD) decoded ({@link Mojibake}). */
    private static void repairMojibake(Document doc) {
        org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
            if (node instanceof org.jsoup.nodes.TextNode t) {
                String w = t.getWholeText();
                String r = Mojibake.repair(w);
                if (r != w) {
                    t.text(r);
                }
            } else if (node instanceof org.jsoup.nodes.DataNode d && isJsonScript(d.parent())) {
                String w = d.getWholeData();
                String r = Mojibake.repair(w);
                if (r != w) {
                    d.setWholeData(r);
                }
            }
            if (node.attributesSize() > 0) {
                for (org.jsoup.nodes.Attribute a : node.attributes()) {
                    String r = Mojibake.repair(a.getValue());
                    if (r != a.getValue()) {
                        a.setValue(r);
                    }
                }
            }
        }, doc);
    }

    private static boolean utf16(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE);
    }
}
