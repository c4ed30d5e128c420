package io.archivebatch.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Chooses the reader of an input by its name: {@code .txt} text dumps (one article a file), {@code .jsonl} /
 * {@code .ndjson} / {@code .json} and {@code .csv} scraper exports (one article a record). Every input yields at
 * least one item: documents, or rejects with their reasons.
 */
public final class InputReaders {

    private final TextDumpReader text;
    private final JsonExportReader json;
    private final CsvExportReader csv;

    public InputReaders(TextDumpReader text, FieldMapping mapping) {
        this.text = text;
        this.json = new JsonExportReader(mapping);
        this.csv = new CsvExportReader(mapping);
    }

    public InputReaders() {
        this(new TextDumpReader(), FieldMapping.defaults());
    }

    /** The file names the scanner takes as inputs. */
    public static Predicate<String> accepted() {
        return name -> {
            String n = name.toLowerCase(Locale.ROOT);
            return n.endsWith(".txt") || n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json") || n.endsWith(".csv");
        };
    }

    public List<IngestItem> read(InputFile file) {
        List<IngestItem> out = new ArrayList<>();
        String n = file.path().getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
                json.read(file, out::add);
            } else if (n.endsWith(".csv")) {
                csv.read(file, out::add);
            } else {
                out.add(IngestItem.of(text.read(file)));
            }
        } catch (RejectedInputException e) {
            out.add(IngestItem.of(e.toRejection(file.source())));
        }
        if (out.isEmpty()) {
            out.add(IngestItem.of(new io.archivebatch.core.model.Rejection(file.source(), "empty", "the file holds no records")));
        }
        return out;
    }
}
