package io.archivebatch.cli;

import io.archivebatch.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile inputs among good ones, in a child JVM limited to 512 MB of heap: each bad file becomes rejects with a
 * reason, never a crash or an OutOfMemoryError, and every good document is written; the run exits 4.
 */
class HostileInputTest {

    @Test
    void badFilesAreRejectedAndGoodOnesWrittenWithinA512MbHeap(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(Corpus.seedDump(), in.resolve("good-seed.txt"));
        Files.copy(Corpus.wcxbDev().resolve("dumps/0050.txt"), in.resolve("good-page.txt"));
        byte[] random = new byte[200_000];
        new Random(7).nextBytes(random);
        Files.write(in.resolve("random.txt"), random);
        byte[] nul = Files.readAllBytes(Corpus.seedDump());
        for (int i = 0; i < nul.length; i += 3) {
            nul[i] = 0;
        }
        Files.write(in.resolve("nul-laden.txt"), nul);
        Files.write(in.resolve("empty.txt"), new byte[0]);
        byte[] gz = gzip(Files.readAllBytes(Corpus.seedDump()));
        Files.write(in.resolve("truncated.txt.gz"), Arrays.copyOf(gz, gz.length / 2));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in.resolve("bomb.txt.gz")))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                out.write(zeros);
            }
        }
        // a single 30 MB line: over the per-document limit
        try (OutputStream out = Files.newOutputStream(in.resolve("one-line.txt"))) {
            byte[] line = "word ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 6; i++) {
                out.write(line);
            }
        }
        Files.writeString(in.resolve("mixed.jsonl"), "{\"text\": \"A valid record among invalid ones, long enough to read as a sentence of news.\"}\n"
                + "{not json\n" + "[1, 2\n");
        Files.writeString(in.resolve("broken.csv"), "url,content\r\nhttps://a.example/1,\"The city council met on Monday and agreed to repair the old bridge before the winter, after residents had asked for it for many years.\"\r\nhttps://a.example/2,\"broken \"quote\r\n");

        // 200,000 nested elements around real paragraphs: the parser flattens what is deeper than its limit
        StringBuilder deep = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Deep</title></head><body>");
        deep.append("<div><span>".repeat(100_000));
        String body = io.archivebatch.core.eval.GoldRecord.read(Corpus.wcxbDev().resolve("gold/0050.json")).body();
        for (String para : body.split("\n\n")) {
            deep.append("<p>").append(para.replace("<", " ").replace(">", " ")).append("</p>");
        }
        deep.append("</body></html>");
        Files.writeString(in.resolve("deep.html"), deep);

        Path out = tmp.resolve("out");
        ChildJvm run = ChildJvm.start(tmp.resolve("logs"), "hostile", "run", "-i", in.toString(), "-o", out.toString(), "-q");
        int exit = run.waitFor(180);
        assertThat(exit).as(run.output()).isEqualTo(4);
        assertThat(run.output()).doesNotContain("OutOfMemoryError");
        Path dataset = RunCommandTest.onlyRun(out);
        JsonMapper json = JsonMapper.builder().build();
        List<String> rejects = Files.readAllLines(dataset.resolve("rejects.jsonl"));
        List<String> reasons = rejects.stream()
                .map(l -> json.readTree(l).get("source").asString().replaceFirst(".*/", "") + " " + json.readTree(l).get("reason").asString())
                .sorted().toList();
        assertThat(reasons).contains(
                "bomb.txt.gz decompression_bomb",
                "empty.txt empty",
                "mixed.jsonl#line:2 invalid_json",
                "mixed.jsonl#line:3 invalid_json",
                "nul-laden.txt binary",
                "one-line.txt too_large",
                "truncated.txt.gz truncated_or_corrupt");
        assertThat(reasons).anyMatch(r -> r.startsWith("random.txt "));
        assertThat(reasons).anyMatch(r -> r.startsWith("broken.csv#row:2 invalid_csv"));
        List<String> sources = Files.readAllLines(dataset.resolve("articles.jsonl")).stream()
                .map(l -> json.readTree(l).get("source").asString().replaceFirst(".*/", "")).sorted().toList();
        assertThat(sources).containsExactly("broken.csv#row:1", "deep.html", "good-page.txt", "good-seed.txt", "mixed.jsonl#line:1");
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(bytes);
        }
        return b.toByteArray();
    }
}
