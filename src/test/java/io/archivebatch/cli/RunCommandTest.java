package io.archivebatch.cli;

import io.archivebatch.Corpus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code run} command end to end: real inputs in, published dataset out, exit codes as DESIGN.md §4. */
class RunCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void seedDumpBecomesTheReferenceRecordInJsonlAndCsv(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in/ariana");
        Files.createDirectories(in);
        Files.copy(Corpus.seedDump(), in.resolve("000_22898621c20ffafb.txt"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("run", "--input", tmp.resolve("in").toString(), "--output", out.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("1 articles").contains("0 rejected");
        Path run = onlyRun(out);
        assertThat(run.resolve("manifest.json")).exists();
        assertThat(out.resolve(".staging").resolve(run.getFileName())).doesNotExist();

        JsonNode gold = JSON.readTree(Files.readString(Corpus.seedGold()));
        List<String> lines = Files.readAllLines(run.resolve("articles.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode rec = JSON.readTree(lines.get(0));
        assertThat(rec.get("title").asString()).isEqualTo(gold.get("title").asString());
        assertThat(rec.get("updated").asString()).isEqualTo("2018-10-09");
        assertThat(rec.get("published").isNull()).isTrue();
        assertThat(rec.get("site").asString()).isEqualTo("Ariana News");
        assertThat(rec.get("body").asString()).isEqualTo(gold.get("body").asString());
        assertThat(rec.get("related")).hasSize(1);
        assertThat(rec.get("related").get(0).get("title").asString())
                .isEqualTo("Six Civilians Killed in Irresponsible Armed Groups Gunfight in Takhar");
        assertThat(rec.get("related").get(0).get("updated").asString()).isEqualTo("2019-05-21");
        assertThat(rec.get("source").asString()).endsWith("in/ariana/000_22898621c20ffafb.txt");

        try (Reader reader = Files.newBufferedReader(run.resolve("articles.csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> rows = csv.getRecords();
            assertThat(csv.getHeaderNames()).startsWith("id", "source", "url", "site", "title");
            assertThat(rows).hasSize(1);
            CSVRecord row = rows.get(0);
            assertThat(row.get("title")).isEqualTo(gold.get("title").asString());
            assertThat(row.get("updated")).isEqualTo("2018-10-09");
            assertThat(row.get("published")).isEmpty();
            assertThat(row.get("site")).isEqualTo("Ariana News");
            assertThat(row.get("body")).isEqualTo(gold.get("body").asString());
            assertThat(JSON.readTree(row.get("related")).get(0).get("updated").asString()).isEqualTo("2019-05-21");
        }

        JsonNode manifest = JSON.readTree(Files.readString(run.resolve("manifest.json")));
        assertThat(manifest.get("counts").get("articles").asLong()).isEqualTo(1);
        assertThat(manifest.get("files").get("articles.jsonl").get("sha256").asString()).hasSize(64);

        CliRun again = CliRun.of("run", "--input", tmp.resolve("in").toString(), "--output", out.toString(), "-q");
        assertThat(again.exit()).isEqualTo(0);
        assertThat(again.out()).contains("already completed");
    }

    /** convert writes the documents as read: the whole seed dump, chrome included, as the body; nothing extracted. */
    @Test
    void convertWritesTheDocumentsAsRead(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in/ariana");
        Files.createDirectories(in);
        Files.copy(Corpus.seedDump(), in.resolve("seed.txt"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-i", tmp.resolve("in").toString(), "-o", out.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        Path dataset = onlyRun(out);
        assertThat(dataset.getFileName().toString()).startsWith("convert-");
        List<String> lines = Files.readAllLines(dataset.resolve("articles.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode a = JsonMapper.builder().build().readTree(lines.get(0));
        String dump = Files.readString(Corpus.seedDump()).replace("\r\n", "\n");
        assertThat(a.get("title").isNull()).isTrue();
        assertThat(a.get("body").asString()).startsWith("Khalilzad Holds Talks with Senior Pakistani Officials in Islamabad")
                .contains("Check Also").contains("About Ariana News");
        assertThat(a.get("word_count").asInt()).isGreaterThan(io.archivebatch.core.text.Tokens.count(dump) * 9 / 10);
    }

    @Test
    void badArgumentsGiveOneLineAndExitTwo(@TempDir Path tmp) {
        CliRun missing = CliRun.of("run", "--input", tmp.resolve("nope").toString(), "--output", tmp.resolve("o").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("input not found");

        CliRun unknown = CliRun.of("run", "--frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("Unknown option");

        CliRun noCommand = CliRun.of("launch");
        assertThat(noCommand.exit()).isEqualTo(2);

        CliRun badChunk = CliRun.of("run", "--chunk-size", "zero");
        assertThat(badChunk.exit()).isEqualTo(2);

        CliRun help = CliRun.of("run", "--help");
        assertThat(help.exit()).isEqualTo(0);
        assertThat(help.out()).contains("--input").contains("--output").contains("--state-url").contains("Exit codes");
    }

    @Test
    void unreadableInputsAreRejectedWithAReasonAndEveryGoodDocumentIsWritten(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        List<Path> good = wcxbDumps(5);
        for (Path p : good) {
            Files.copy(p, in.resolve(p.getFileName()));
        }
        Files.write(in.resolve("binary.txt"), new byte[]{0, 1, 2, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0x7f, 0, 0});
        Files.write(in.resolve("empty.txt"), new byte[0]);
        byte[] invalid = new byte[500];
        java.util.Arrays.fill(invalid, (byte) 0xC3);
        Files.write(in.resolve("latin.txt"), invalid);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("run", "--input", in.toString(), "--output", out.toString(), "-q");
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(4);
        Path run = onlyRun(out);
        List<String> rejects = Files.readAllLines(run.resolve("rejects.jsonl"));
        assertThat(rejects).hasSize(3);
        assertThat(rejects.stream().map(l -> JSON.readTree(l).get("reason").asString()).sorted().toList())
                .containsExactly("binary", "empty", "invalid_encoding");
        assertThat(rejects).allSatisfy(l -> assertThat(JSON.readTree(l).get("detail").asString()).isNotBlank());
        assertThat(Files.readAllLines(run.resolve("articles.jsonl"))).hasSize(good.size());
        JsonNode manifest = JSON.readTree(Files.readString(run.resolve("manifest.json")));
        assertThat(manifest.get("counts").get("rejects").asLong()).isEqualTo(3);
        assertThat(manifest.get("counts").get("rejects_by_reason").get("binary").asLong()).isEqualTo(1);
    }

    /**
     * File names may hold any character but '/' and NUL: a dump whose name has a tab, a line feed, a carriage return
     * or a backslash is read like any other (the run's input list escapes them), and its source keeps the control
     * characters (a backslash becomes '/' in a source, as in a Windows path).
     */
    @Test
    void oddFileNamesAreReadLikeAnyOther(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        List<Path> dumps = wcxbDumps(4);
        String[] names = {"tab\there.txt", "line\nfeed.txt", "carriage\rreturn.txt", "back\\slash.txt"};
        for (int i = 0; i < names.length; i++) {
            Files.copy(dumps.get(i), in.resolve(names[i]));
        }
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("run", "--input", in.toString(), "--output", out.toString(), "-q");
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(0);
        Path run = onlyRun(out);
        List<String> sources = Files.readAllLines(run.resolve("articles.jsonl")).stream()
                .map(l -> JSON.readTree(l).get("source").asString()).toList();
        assertThat(sources).hasSize(names.length);
        for (String name : java.util.Arrays.copyOf(names, 3)) {
            assertThat(sources).anySatisfy(s -> assertThat(s).endsWith("/" + name));
        }
        assertThat(sources).anySatisfy(s -> assertThat(s).endsWith("/back/slash.txt"));
    }

    /**
     * HTML pages are read ahead on worker threads by the profile step (ReadAhead); the dataset and the site profile
     * must not depend on how many: the same bytes with one thread and with three, a truncated page rejected in both.
     */
    @Test
    void htmlPagesReadAheadGiveTheSameDatasetForAnyThreadCount(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        List<Path> pages = copyWcxb("html", 30, in);
        byte[] whole = Files.readAllBytes(pages.get(0));
        Files.write(in.resolve("truncated.html.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.copy(Corpus.seedDump(), in.resolve("seed.txt"));
        byte[][] first = null;
        for (String threads : new String[]{"1", "3"}) {
            Path out = tmp.resolve("out-" + threads);
            CliRun r = CliRun.of("run", "-i", in.toString(), "-o", out.toString(), "--threads", threads, "-q");
            assertThat(r.exit()).as(r.err()).isEqualTo(4);
            Path run = onlyRun(out);
            assertThat(Files.readAllLines(run.resolve("articles.jsonl"))).hasSize(31);
            List<String> rejects = Files.readAllLines(run.resolve("rejects.jsonl"));
            assertThat(rejects).hasSize(1);
            assertThat(JSON.readTree(rejects.get(0)).get("source").asString()).endsWith("truncated.html.gz");
            byte[][] files = new byte[4][];
            String[] names = {"articles.jsonl", "articles.csv", "rejects.jsonl", "profile.tsv"};
            for (int k = 0; k < names.length; k++) {
                files[k] = Files.readAllBytes(run.resolve(names[k]));
            }
            if (first == null) {
                first = files;
            } else {
                for (int k = 0; k < names.length; k++) {
                    assertThat(files[k]).as(names[k]).isEqualTo(first[k]);
                }
            }
        }
    }

    /** Copies the first {@code n} files of a wcxb-dev folder ("dumps", "html") into a new folder; the originals. */
    static List<Path> copyWcxb(String folder, int n, Path into) throws Exception {
        Files.createDirectories(into);
        List<Path> files;
        try (Stream<Path> s = Files.list(Corpus.wcxbDev().resolve(folder))) {
            files = s.sorted().limit(n).toList();
        }
        for (Path p : files) {
            Files.copy(p, into.resolve(p.getFileName()));
        }
        return files;
    }

    static List<Path> wcxbDumps(int n) throws Exception {
        try (Stream<Path> s = Files.list(Corpus.wcxbDev().resolve("dumps"))) {
            return s.sorted().limit(n).toList();
        }
    }

    static Path onlyRun(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> runs = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            assertThat(runs).hasSize(1);
            return runs.get(0);
        }
    }
}
