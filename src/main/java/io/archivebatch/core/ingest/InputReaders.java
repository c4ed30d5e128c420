package io.archivebatch.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Chooses the reader of an input by its name: {@code .txt} text dumps (one article a file), {@code .jsonl} /
 * {@code .ndjson} / {@code .json} and {@code .csv} scraper exports (one article a record), and containers
 * ({@code .gz}, {@code .zip}, {@code .tar}, {@code .tar.gz}) of any of these. Every input yields at
 * least one item: documents, or rejects with their reasons.
 */
public final class InputReaders {

    private final TextDumpReader text;
    private final JsonExportReader json;
    private final CsvExportReader csv;
    private final ContainerReader containers;

    public InputReaders(TextDumpReader text, FieldMapping mapping) {
        this.text = text;
        this.json = new JsonExportReader(mapping);
        this.csv = new CsvExportReader(mapping);
        this.containers = new ContainerReader(64L * 1024 * 1024, 200, 4);
    }

    public InputReaders() {
        this(new TextDumpReader(), FieldMapping.defaults());
    }

    /** The file names the scanner takes as inputs. */
    public static Predicate<String> accepted() {
        return name -> {
            String n = name.toLowerCase(Locale.ROOT);
            return n.endsWith(".txt") || n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json") || n.endsWith(".csv")
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

    private void read(InputEntry entry, int depth, List<IngestItem> out) {
        String n = entry.name().toLowerCase(Locale.ROOT);
        try {
            if (ContainerReader.isContainer(n)) {
                containers.read(entry, depth, out::add, (member, d) -> read(member, d, out));
            } else if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
                json.read(entry, out::add);
            } else if (n.endsWith(".csv")) {
                csv.read(entry, out::add);
            } else {
                out.add(IngestItem.of(text.read(entry)));
            }
        } catch (RejectedInputException e) {
            out.add(IngestItem.of(e.toRejection(entry.source())));
        }
    }
}
