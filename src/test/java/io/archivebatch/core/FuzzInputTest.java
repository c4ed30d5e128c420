package io.archivebatch.core;

import io.archivebatch.Corpus;
import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import io.archivebatch.core.pipeline.TimeLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds mutated real inputs — a dump, an HTML page, JSON Lines, CSV, gzip and WARC.gz — to the readers and the
 * pipeline for a bounded time (15 s, or {@code -Darchive-batch.fuzz.seconds}) with a fixed seed (or
 * {@code -Darchive-batch.fuzz.seed}): every input must come back as documents or rejects with reasons, never as an
 * exception, an error or a hang (each document runs under a time limit).
 */
class FuzzInputTest {

    @Test
    void mutatedRealInputsNeverEscapeAsExceptions(@TempDir Path tmp) throws Exception {
        long seconds = Long.getLong("archive-batch.fuzz.seconds", 15);
        long seed = Long.getLong("archive-batch.fuzz.seed", 20261128L);
        Random rnd = new Random(seed);
        Map<String, byte[]> seeds = seeds();
        InputReaders readers = new InputReaders(2L * 1024 * 1024, io.archivebatch.core.ingest.FieldMapping.defaults());
        DocumentProcessor processor = new DocumentProcessor(CleaningConfig.builtinOnly());
        List<String> names = new ArrayList<>(seeds.keySet());
        int inputs = 0;
        int articles = 0;
        int rejects = 0;
        long slowest = 0;
        String slowestWhat = "";
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (TimeLimit limit = new TimeLimit(10_000)) {
            while (System.nanoTime() < deadline) {
                String name = names.get(rnd.nextInt(names.size()));
                byte[] mutated = mutate(seeds.get(name), rnd);
                Path f = tmp.resolve(inputs + "-" + name);
                Files.write(f, mutated);
                String what = "seed " + seed + ", input " + inputs + " (" + name + ", " + mutated.length + " bytes)";
                List<IngestItem> items = readers.read(new InputFile(f, f.toString(), mutated.length, 0));
                assertThat(items).as(what).isNotEmpty();
                for (IngestItem item : items) {
                    assertThat(item.document() == null ^ item.rejection() == null).as(what).isTrue();
                    if (item.rejection() != null) {
                        assertThat(item.rejection().reason()).as(what).isNotBlank();
                        rejects++;
                        continue;
                    }
                    Outcome o;
                    long t0 = System.nanoTime();
                    try {
                        o = limit.call(() -> processor.process(item.document()));
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        if (ms > slowest) {
                            slowest = ms;
                            slowestWhat = what + " " + item.document().text().length() + " chars";
                        }
                    } catch (TimeLimit.Exceeded e) {
                        Path keep = Path.of("target", "fuzz-failures", f.getFileName().toString());
                        Files.createDirectories(keep.getParent());
                        Files.write(keep, mutated);
                        throw new AssertionError(what + ": " + e.getMessage() + "; the input is kept in " + keep, e);
                    }
                    if (o instanceof Outcome.Accepted) {
                        articles++;
                    } else {
                        rejects++;
                    }
                }
                Files.delete(f);
                inputs++;
            }
        }
        System.out.printf("fuzz: seed %d, %d mutated inputs in %d s: %d articles, %d rejects; slowest document %d ms (%s)%n",
                seed, inputs, seconds, articles, rejects, slowest, slowestWhat);
        assertThat(inputs).isGreaterThanOrEqualTo(30);
        assertThat(articles).isPositive();
        assertThat(rejects).isPositive();
    }

    /** One mutation or a few: flip bytes, cut, insert noise or markup, duplicate or delete a slice. */
    private static byte[] mutate(byte[] in, Random rnd) {
        byte[] b = in.clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(7)) {
                case 0 -> {
                    for (int k = 0; k < 1 + rnd.nextInt(64); k++) {
                        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                    }
                }
                case 1 -> b = Arrays.copyOf(b, at);
                case 2 -> b = insert(b, at, randomBytes(rnd, 1 + rnd.nextInt(4096)));
                case 3 -> b = insert(b, at, "<div><p><a href='#'>".repeat(1 + rnd.nextInt(3000)).getBytes(StandardCharsets.US_ASCII));
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + rnd.nextInt(20_000));
                    b = insert(b, at, Arrays.copyOfRange(b, at, at + len));
                }
                case 5 -> {
                    int len = Math.min(b.length - at, 1 + rnd.nextInt(5_000));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                default -> b = insert(b, at, new byte[1 + rnd.nextInt(512)]); // NULs
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] x) {
        byte[] c = new byte[b.length + x.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(x, 0, c, at, x.length);
        System.arraycopy(b, at, c, at + x.length, b.length - at);
        return c;
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] x = new byte[n];
        rnd.nextBytes(x);
        return x;
    }

    private static Map<String, byte[]> seeds() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("seed.txt", Files.readAllBytes(Corpus.seedDump()));
        byte[] page;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(Corpus.wcxbDev().resolve("html/0003.html.gz")))) {
            page = in.readAllBytes();
        }
        m.put("page.html", page);
        List<String> csv = Files.readAllLines(Corpus.root().resolve("same-site/fakenews-sample.csv"));
        m.put("export.csv", String.join("\n", csv.subList(0, Math.min(60, csv.size()))).getBytes(StandardCharsets.UTF_8));
        String text = Files.readString(Corpus.wcxbDev().resolve("dumps/0050.txt"));
        m.put("export.jsonl", ("{\"url\": \"https://example.org/a\", \"title\": \"A\", \"text\": "
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text) + "}\n").repeat(3)
                .getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(Files.readAllBytes(Corpus.seedDump()));
        }
        m.put("dump.txt.gz", gz.toByteArray());
        ByteArrayOutputStream warc = new ByteArrayOutputStream();
        try (WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(warc), WarcCompression.GZIP)) {
            HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html; charset=utf-8"), page).build();
            w.write(new WarcResponse.Builder("https://example.org/page").date(Instant.parse("2025-12-20T10:00:00Z")).body(http).build());
        }
        m.put("crawl.warc.gz", warc.toByteArray());
        return m;
    }
}
