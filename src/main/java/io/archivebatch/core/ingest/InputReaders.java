package io.archivebatch.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Chooses the reader of an input by its name: {@code .txt} text dumps (one article a file; a page saved as text is
 * recognised by its first bytes and read as HTML), {@code .html} / {@code .htm} pages, {@code .warc} /
 * {@code .warc.gz} crawls, {@code .jsonl} /
 * {@code .ndjson} / {@code .json} and {@code .csv} scraper exports (one article a record), and containers
 * ({@code .gz}, {@code .zip}, {@code .tar}, {@code .tar.gz}) of any of these. Every input yields at
 * least one item: documents, or rejects with their reasons.
 */
public final class InputReaders {

    private final TextDumpReader text;
    private final JsonExportReader json;
    private final CsvExportReader csv;
    private final ContainerReader containers;
    private final HtmlReader html;
    private final WarcReader warc;
    private final long maxBytes;

    /**
     * @param maxBytes the largest document read (a text dump, a page, a WARC record); larger ones are rejected
     * @param mapping  which export fields hold what
     */
    public InputReaders(long maxBytes, FieldMapping mapping) {
        this.maxBytes = maxBytes;
        this.text = new TextDumpReader(new TextDecoder(), maxBytes);
        this.json = new JsonExportReader(mapping);
        this.csv = new CsvExportReader(mapping);
        this.containers = new ContainerReader(Math.max(64L * 1024 * 1024, maxBytes), 200, 4);
        this.html = new HtmlReader(maxBytes);
        this.warc = new WarcReader(html, maxBytes);
    }

    public InputReaders() {
        this(20L * 1024 * 1024, FieldMapping.defaults());
    }

    /** The file names the scanner takes as inputs. */
    public static Predicate<String> accepted() {
        return name -> {
            String n = name.toLowerCase(Locale.ROOT);
            return n.endsWith(".txt") || HtmlReader.isHtmlName(n) || WarcReader.isWarcName(n) || n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json") || n.endsWith(".csv")
                    || ContainerReader.isContainer(n);
        };
    }

    public List<IngestItem> read(InputFile file) {
        List<IngestItem> out = new ArrayList<>();
        read(InputEntry.of(file), 0, out);
        if (out.isEmpty()) {
            out.add(IngestItem.of(new io.archivebatch.core.model.Rejection(file.source(), "empty", "the file holds no records")));
        }
        return out;
    }

    /** A file named as text that holds a page (a scraper that saved HTML as .txt) is read as HTML. */
    private io.archivebatch.core.model.RawDocument textOrHtml(InputEntry entry) throws RejectedInputException {
        byte[] bytes = entry.readAtMost(maxBytes);
        return HtmlReader.looksLikeHtml(bytes) ? html.parse(entry.source(), bytes, null, null) : text.decode(entry.source(), bytes);
    }

    private void read(InputEntry entry, int depth, List<IngestItem> out) {
        String n = entry.name().toLowerCase(Locale.ROOT);
        try {
            if (WarcReader.isWarcName(n)) {
                warc.read(entry, out::add); // jwarc reads .warc.gz itself, streaming, record by record
            } else if (ContainerReader.isContainer(n)) {
                containers.read(entry, depth, out::add, (member, d) -> read(member, d, out));
            } else if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
                json.read(entry, out::add);
            } else if (n.endsWith(".csv")) {
                csv.read(entry, out::add);
            } else if (HtmlReader.isHtmlName(n)) {
                out.add(IngestItem.of(html.read(entry)));
            } else {
                out.add(IngestItem.of(textOrHtml(entry)));
            }
        } catch (RejectedInputException e) {
            out.add(IngestItem.of(e.toRejection(entry.source())));
        }
    }
}
