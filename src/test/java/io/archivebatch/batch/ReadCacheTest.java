package io.archivebatch.batch;

import io.archivebatch.Corpus;
import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.model.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile step's documents, kept for the process step: the same documents back, or nothing. */
class ReadCacheTest {

    @Test
    void givesBackTheDocumentsOfARealPage(@TempDir Path dir) throws Exception {
        Path page = Corpus.wcxbDev().resolve("html").resolve("0050.html.gz");
        InputFile f = new InputFile(page, "html/0050.html.gz", Files.size(page), Files.getLastModifiedTime(page).toMillis());
        List<IngestItem> read = new InputReaders().read(f);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).document().text()).hasSizeGreaterThan(1000);

        ReadCache cache = new ReadCache(dir.resolve("read-cache"));
        assertThat(ReadCache.worthKeeping(f)).isTrue();
        assertThat(cache.get(f)).isNull();
        cache.put(f, read);
        assertThat(cache.get(f)).isEqualTo(read); // text, url, flags, stated metadata

        // another version of the file (size or time changed) is not the kept one
        assertThat(cache.get(new InputFile(page, f.source(), f.size(), f.mtime() + 1))).isNull();
        // a damaged entry means: read the input again
        try (var s = Files.list(dir.resolve("read-cache"))) {
            Files.writeString(s.findFirst().orElseThrow(), "[{\"source\":");
        }
        assertThat(cache.get(f)).isNull();
    }

    @Test
    void givesBackAnyTextExactlyAndRefusesATruncatedEntry(@TempDir Path dir) throws Exception {
        Path page = Corpus.wcxbDev().resolve("html").resolve("0050.html.gz");
        InputFile f = new InputFile(page, "html/0050.html.gz", Files.size(page), Files.getLastModifiedTime(page).toMillis());
        RawDocument real = new InputReaders().read(f).get(0).document();
        // the page's text with what a page can hold: a lone surrogate, an emoji, a NUL, no URL, stated metadata
        RawDocument odd = new RawDocument("x.warc.gz#3", null, real.text() + "\ud800 \ud83d\ude00 \u0000 \u00e9", 123_456_789_012L,
                List.of("invalid_utf8_replaced"), Map.of("title", "Ünïcödé", "captured", "2024-05-02T10:00:00Z"));
        List<IngestItem> items = List.of(IngestItem.of(real), IngestItem.of(odd));
        ReadCache cache = new ReadCache(dir.resolve("read-cache"));
        cache.put(f, items);
        List<IngestItem> back = cache.get(f);
        assertThat(back).isEqualTo(items);
        assertThat(back.get(1).document().text()).isEqualTo(odd.text());

        Path entry;
        try (var s = Files.list(dir.resolve("read-cache"))) {
            entry = s.findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(whole, whole.length - 1)); // a write cut short
        assertThat(cache.get(f)).isNull();
        Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(cache.get(f)).isNull();
        Files.write(entry, whole);
        assertThat(cache.get(f)).isEqualTo(items);

        // a WARC file's many pages, a record each
        List<IngestItem> many = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(IngestItem.of(new RawDocument("crawl.warc.gz#" + i, "https://example.org/" + i,
                    real.text().substring(i), i, List.of(), Map.of("captured", "2024-05-02T10:00:0" + i % 10 + "Z"))));
        }
        InputFile warc = new InputFile(dir.resolve("crawl.warc.gz"), "crawl.warc.gz", 1 << 20, 5);
        cache.put(warc, many);
        assertThat(cache.get(warc)).isEqualTo(many);
    }

    @Test
    void keepsNothingForARejectedInputAndOnlyCostlyFormats(@TempDir Path dir) throws Exception {
        InputFile f = new InputFile(dir.resolve("x.warc.gz"), "x.warc.gz", 10, 1);
        ReadCache cache = new ReadCache(dir.resolve("read-cache"));
        cache.put(f, List.of(IngestItem.of(new Rejection("x.warc.gz", "truncated", "unexpected end"))));
        assertThat(cache.get(f)).isNull();
        assertThat(ReadCache.worthKeeping(new InputFile(dir.resolve("a.txt"), "a.txt", 1, 1))).isFalse();
        assertThat(ReadCache.worthKeeping(new InputFile(dir.resolve("a.csv"), "a.csv", 1, 1))).isFalse();
    }
}
