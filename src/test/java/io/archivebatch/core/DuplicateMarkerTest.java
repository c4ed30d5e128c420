package io.archivebatch.core;

import io.archivebatch.Corpus;
import io.archivebatch.TehranTimes;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.TextDumpReader;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.Related;
import io.archivebatch.core.output.ArticleCsvFormatter;
import io.archivebatch.core.output.ArticleJsonFormatter;
import io.archivebatch.core.output.DuplicateMarker;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A record marked as a duplicate from its written bytes is the record the formatters write for the marked article. */
class DuplicateMarkerTest {

    private static final ArticleJsonFormatter JSON = new ArticleJsonFormatter();
    private static final ArticleCsvFormatter CSV = new ArticleCsvFormatter();

    private static byte[] line(Article a) {
        return (JSON.format(a) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] row(Article a) {
        return CSV.format(a).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertMarks(Article a, String first) {
        Article marked = a.withDuplicateOf(first);
        assertThat(DuplicateMarker.json(line(a), first)).as(a.source()).isEqualTo(line(marked));
        assertThat(DuplicateMarker.csv(row(a), first)).as(a.source()).isEqualTo(row(marked));
    }

    @Test
    void realArticlesMarkedAsTheFormattersWriteThem(@TempDir Path tmp) throws Exception {
        List<Path> files = new ArrayList<>();
        TehranTimes.unpack(tmp, 200);
        try (Stream<Path> s = Files.list(tmp)) {
            files.addAll(s.sorted().toList());
        }
        try (Stream<Path> s = Files.list(Corpus.wcxbDev().resolve("dumps"))) {
            files.addAll(s.sorted().limit(200).toList());
        }
        DocumentProcessor p = new DocumentProcessor(CleaningConfig.builtinOnly());
        int articles = 0;
        int quotedCsv = 0;
        for (Path f : files) {
            Outcome o = p.process(new TextDumpReader().read(new InputFile(f, f.getFileName().toString(), Files.size(f), 0)));
            if (o instanceof Outcome.Accepted acc) {
                articles++;
                quotedCsv += new String(row(acc.article()), StandardCharsets.UTF_8).contains("\"\"") ? 1 : 0;
                assertMarks(acc.article(), "3f2a9c0d1e4b5a67");
            }
        }
        assertThat(articles).isGreaterThan(350);
        assertThat(quotedCsv).as("rows with quotes inside quoted fields").isGreaterThan(20);
    }

    @Test
    void aBodyThatQuotesTheRecordFormatIsNotMistakenForIt() {
        String body = "Fields: ,\"duplicate_of\":null,\"flags\":[ and a, b, \"c\"\r\n,,,,,,,,,,,,,,,,, end";
        Article a = new Article("0123456789abcdef", "x.txt", null, "site, with comma", "\"Quoted\" title", null,
                "2024-01-02", null, null, "en", body, 12, List.of(new Related("a, \"b\"", null, null)), "ab12",
                null, List.of("x", "y"), null);
        assertMarks(a, "fedcba9876543210");
        Article noFlags = new Article("0123456789abcdef", "", "", "", "", "", "", "", "", "", body, 0, List.of(), null,
                null, List.of(), "2024-01-02T00:00:00Z");
        assertMarks(noFlags, "1");
    }

    @Test
    void leavesToTheFormattersWhatItCannotMark() {
        Article a = new Article("0123456789abcdef", "x.txt", null, null, "t", null, null, null, null, "en", "body text",
                2, List.of(), "ab12", null, List.of(), null);
        assertThat(DuplicateMarker.json(line(a), "an id, with \"quotes\"")).isNull();
        assertThat(DuplicateMarker.csv(row(a), "")).isNull();
        Article marked = a.withDuplicateOf("0011");
        assertThat(DuplicateMarker.json(line(marked), "2233")).as("already marked").isNull();
        assertThat(DuplicateMarker.csv(row(marked), "2233")).as("already marked").isNull();
        assertThat(DuplicateMarker.csv("a,\"unclosed".getBytes(StandardCharsets.UTF_8), "2233")).isNull();
    }
}
