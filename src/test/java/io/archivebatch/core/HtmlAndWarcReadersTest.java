package io.archivebatch.core;

import io.archivebatch.Corpus;
import io.archivebatch.core.eval.GoldRecord;
import io.archivebatch.core.eval.Scorer;
import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** HTML pages and WARC crawls of real wcxb-dev pages, read into articles with their metadata and URLs. */
class HtmlAndWarcReadersTest {

    private static final List<String> PAGES = List.of("0001", "0003", "0050");

    private final InputReaders readers = new InputReaders();
    private final DocumentProcessor processor = new DocumentProcessor(CleaningConfig.builtinOnly());

    @Test
    void htmlPageGivesItsStatedMetadataAndACleanBody(@TempDir Path tmp) throws Exception {
        Path page = tmp.resolve("0001.html");
        Files.write(page, page("0001"));
        GoldRecord gold = GoldRecord.read(Corpus.wcxbDev().resolve("gold/0001.json"));
        List<IngestItem> items = readers.read(new InputFile(page, page.toString(), Files.size(page), 0));
        assertThat(items).hasSize(1);
        RawDocument raw = items.get(0).document();
        assertThat(raw.url()).startsWith("https://scratchculinary.com/2025/09/04/");
        assertThat(raw.text()).doesNotContain("<div").doesNotContain("jetpack-boost-critical-css");
        Article a = ((Outcome.Accepted) processor.process(raw)).article();
        assertThat(Scorer.sameText(a.title(), gold.title())).as(a.title()).isTrue();
        assertThat(a.author()).isEqualTo(gold.author());
        assertThat(a.published()).isEqualTo(gold.published());
        assertThat(a.language()).isEqualTo("en");
        for (String snippet : gold.with()) {
            assertThat(Scorer.normalizeSnippet(a.body())).contains(Scorer.normalizeSnippet(snippet));
        }
        for (String snippet : gold.without()) {
            assertThat(Scorer.normalizeSnippet(a.body())).doesNotContain(Scorer.normalizeSnippet(snippet));
        }
        // the menu that opens the naive dump ("Skip to content", "Home", "Meal Prep"...) is gone
        assertThat(a.body()).doesNotStartWith("Skip to content").doesNotContain("Subscription Changes");
    }

    @Test
    void aPageSavedAsTextIsReadAsHtml(@TempDir Path tmp) throws Exception {
        Path page = tmp.resolve("0003.txt");
        Files.write(page, page("0003"));
        RawDocument raw = readers.read(new InputFile(page, page.toString(), Files.size(page), 0)).get(0).document();
        assertThat(raw.text()).doesNotContain("<html").doesNotContain("</p>");
        assertThat(raw.given("title")).isNotNull();
    }

    @Test
    void warcGzOfHtmlPagesRoundTripsToRecordsWithTheirUrlsAndCaptureTimes(@TempDir Path tmp) throws Exception {
        Path warc = tmp.resolve("crawl.warc.gz");
        writeWarc(warc);
        List<IngestItem> items = readers.read(new InputFile(warc, warc.toString(), Files.size(warc), 0));
        assertThat(items).allMatch(i -> i.document() != null);
        assertThat(items).hasSize(PAGES.size());
        for (int i = 0; i < PAGES.size(); i++) {
            GoldRecord gold = GoldRecord.read(Corpus.wcxbDev().resolve("gold/" + PAGES.get(i) + ".json"));
            RawDocument raw = items.get(i).document();
            assertThat(raw.url()).isEqualTo(gold.url());
            assertThat(raw.source()).startsWith(warc + "#record:");
            assertThat(raw.given("captured")).isEqualTo("2025-12-20T10:00:01Z"); // the response's WARC-Date
            Article a = ((Outcome.Accepted) processor.process(raw)).article();
            assertThat(a.url()).isEqualTo(gold.url());
            assertThat(a.captured()).isEqualTo("2025-12-20T10:00:01Z");
            String line = new io.archivebatch.core.output.ArticleJsonFormatter().format(a);
            assertThat(line).endsWith(",\"captured\":\"2025-12-20T10:00:01Z\"}");
            assertThat(new io.archivebatch.core.output.ArticleJsonParser().parse(line)).isEqualTo(a);
            assertThat(new Scorer().score(a.body(), gold.body(), List.of(), List.of()).wordF1()).as(PAGES.get(i)).isGreaterThan(0.8);
        }
    }

    @Test
    void truncatedWarcKeepsThePagesBeforeTheDamageAndRejectsTheRest(@TempDir Path tmp) throws Exception {
        Path warc = tmp.resolve("crawl.warc.gz");
        writeWarc(warc);
        byte[] all = Files.readAllBytes(warc);
        Path cut = tmp.resolve("cut.warc.gz");
        Files.write(cut, Arrays.copyOf(all, all.length * 3 / 4));
        List<IngestItem> items = readers.read(new InputFile(cut, cut.toString(), Files.size(cut), 0));
        assertThat(items.stream().filter(i -> i.document() != null).count()).isBetween(1L, (long) PAGES.size() - 1);
        assertThat(items.get(items.size() - 1).rejection()).isNotNull();
        assertThat(items.get(items.size() - 1).rejection().reason()).isEqualTo("truncated_warc");

        Path noise = tmp.resolve("noise.warc");
        try (WarcWriter w = new WarcWriter(FileChannel.open(noise, StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
            w.write(image("https://example.org/logo.png"));
        }
        List<IngestItem> none = readers.read(new InputFile(noise, noise.toString(), Files.size(noise), 0));
        assertThat(none).hasSize(1);
        assertThat(none.get(0).rejection().reason()).isEqualTo("no_html_records");
        assertThat(none.get(0).rejection().detail()).contains("response:image/png");
    }

    /** Each page as a request, an HTML response, and an image response between them (skipped). */
    private static void writeWarc(Path warc) throws IOException {
        try (WarcWriter w = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
            for (String id : PAGES) {
                String url = GoldRecord.read(Corpus.wcxbDev().resolve("gold/" + id + ".json")).url();
                w.write(new WarcRequest.Builder(url).date(Instant.parse("2025-12-20T10:00:00Z"))
                        .body(MediaType.HTTP_REQUEST, ("GET / HTTP/1.1\r\nHost: example\r\n\r\n").getBytes(StandardCharsets.US_ASCII))
                        .build());
                HttpResponse http = new HttpResponse.Builder(200, "OK")
                        .body(MediaType.parse("text/html; charset=utf-8"), page(id)).build();
                w.write(new WarcResponse.Builder(url).date(Instant.parse("2025-12-20T10:00:01Z")).body(http).build());
                w.write(image(url + "logo.png"));
            }
        }
    }

    private static WarcResponse image(String url) throws IOException {
        HttpResponse png = new HttpResponse.Builder(200, "OK").body(MediaType.parse("image/png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'}).build();
        return new WarcResponse.Builder(url).date(Instant.parse("2025-12-20T10:00:02Z")).body(png).build();
    }

    private static byte[] page(String id) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(Corpus.wcxbDev().resolve("html/" + id + ".html.gz")))) {
            return in.readAllBytes();
        }
    }
}
