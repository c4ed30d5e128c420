package io.archivebatch.core.ingest;

import io.archivebatch.core.model.Rejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CSV exports of scrapers (Commons CSV, RFC 4180 with a header row; multi-line quoted fields). Each row is a
 * document ({@code source#row:N}, N counted from 1 after the header). A row the parser cannot read (a broken quote)
 * ends the file: its remainder becomes one reject, the rows before it are kept.
 */
public final class CsvExportReader {

    private final FieldMapping mapping;

    public CsvExportReader(FieldMapping mapping) {
        this.mapping = mapping;
    }

    public void read(InputEntry file, Consumer<IngestItem> out) throws RejectedInputException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(false).setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.open(), decoder), 1 << 16);
             CSVParser parser = CSVParser.parse(r, format)) {
            Iterator<CSVRecord> it = parser.iterator();
            long row = 0;
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    out.accept(IngestItem.of(new Rejection(file.source() + "#row:" + (row + 1), "invalid_csv",
                            "unreadable from row " + (row + 1) + " on: " + rootMessage(e))));
                    return;
                }
                row++;
                Map<String, String> record = new HashMap<>();
                for (Map.Entry<String, String> e : rec.toMap().entrySet()) {
                    if (e.getKey() != null) {
                        record.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
                    }
                }
                out.accept(ExportRecords.toItem(file.source() + "#row:" + row, record, mapping, 0));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new RejectedInputException("invalid_csv", "cannot read the CSV: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
