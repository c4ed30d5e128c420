package io.archivebatch.core;

import io.archivebatch.Corpus;
import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scraper exports: JSON Lines, JSON arrays and CSV, with their stated metadata; bad records are rejects, never losses. */
class ExportReadersTest {

    private final InputReaders readers = new InputReaders();

    @Test
    void everyRowOfTheFakeNewsExportBecomesAnArticleWithItsUrl() throws Exception {
        Path csv = Corpus.root().resolve("same-site/fakenews-sample.csv");
        List<IngestItem> items = readers.read(new InputFile(csv, "fakenews-sample.csv", Files.size(csv), 0));
        assertThat(items).hasSize(250);
        DocumentProcessor p = new DocumentProcessor(CleaningConfig.builtinOnly());
        int articles = 0;
        for (IngestItem i : items) {
            assertThat(i.document()).isNotNull();
            assertThat(i.document().url()).startsWith("http");
            Outcome o = p.process(i.document());
            if (o instanceof Outcome.Accepted a) {
                articles++;
                assertThat(a.article().url()).isEqualTo(i.document().url());
                assertThat(a.article().source()).matches("fakenews-sample\\.csv#row:\\d+");
            } else {
                assertThat(((Outcome.Rejected) o).rejection().reason()).isNotBlank();
            }
        }
        assertThat(articles).isGreaterThan(240);
        IngestItem first = items.get(0);
        assertThat(first.document().given("title")).startsWith("Church Congregation Brings Gift to Waitresses");
        assertThat(first.document().given("author")).isEqualTo("Ruth Harris");
    }

    @Test
    void invalidJsonLinesAreRejectedAndTheValidOnesKept(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("export.jsonl");
        Files.writeString(f, """
                {"url": "https://news.example/a", "title": "Council votes", "date_publish": "2024-03-14", "authors": ["Ann Lee", "Bo Ma"], "maintext": "The council voted on Tuesday to extend the ferry timetable. The change starts next month and costs nothing extra."}
                {"url": "https://news.example/b", "title": broken json here
                {"url": "https://news.example/c", "title": "No text"}
                {"url": "https://news.example/d", "content": "A second story about the harbour, long enough to be an article of its own for this test."}
                """);
        List<IngestItem> items = readers.read(new InputFile(f, "export.jsonl", Files.size(f), 0));
        assertThat(items).hasSize(4);
        assertThat(items.get(0).document().given("published")).isEqualTo("2024-03-14");
        assertThat(items.get(0).document().given("author")).isEqualTo("Ann Lee, Bo Ma");
        assertThat(items.get(0).document().source()).isEqualTo("export.jsonl#line:1");
        assertThat(items.get(1).rejection().reason()).isEqualTo("invalid_json");
        assertThat(items.get(1).rejection().source()).isEqualTo("export.jsonl#line:2");
        assertThat(items.get(2).rejection().reason()).isEqualTo("no_text_field");
        assertThat(items.get(3).document().url()).isEqualTo("https://news.example/d");

        Path arr = tmp.resolve("export.json");
        Files.writeString(arr, "[{\"text\": \"One story in an array, with enough words to count as text.\"}, 42]");
        List<IngestItem> a = readers.read(new InputFile(arr, "export.json", Files.size(arr), 0));
        assertThat(a).hasSize(2);
        assertThat(a.get(0).document().source()).isEqualTo("export.json#item:0");
        assertThat(a.get(1).rejection().reason()).isEqualTo("invalid_json");
    }

    @Test
    void aBrokenCsvQuoteKeepsTheRowsBeforeItAndRejectsTheRest(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("broken.csv");
        Files.writeString(f, "url,title,content\r\n"
                + "https://x.example/1,One,\"First story, with a comma, and a\nsecond line.\"\r\n"
                + "https://x.example/2,Two,\"Second story \"broken\" quote here\r\n"
                + "https://x.example/3,Three,Third story.\r\n");
        List<IngestItem> items = readers.read(new InputFile(f, "broken.csv", Files.size(f), 0));
        assertThat(items.get(0).document().text()).isEqualTo("First story, with a comma, and a\nsecond line.");
        assertThat(items.get(0).document().source()).isEqualTo("broken.csv#row:1");
        assertThat(items).last().satisfies(i -> assertThat(i.rejection().reason()).isEqualTo("invalid_csv"));
    }
}
