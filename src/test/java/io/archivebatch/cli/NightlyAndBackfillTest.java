package io.archivebatch.cli;

import io.archivebatch.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The input ledger: nightly takes only new or changed inputs; backfill takes a date range, ledger-filtered unless forced. */
class NightlyAndBackfillTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void nightlyProcessesOnlyWhatIsNewOrChanged(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        List<Path> dumps = wcxb(5);
        for (int i = 0; i < 3; i++) {
            Files.copy(dumps.get(i), in.resolve(dumps.get(i).getFileName()));
        }
        Path out = tmp.resolve("out");
        String[] cmd = {"nightly", "-i", in.toString(), "-o", out.toString(), "--date", "2026-11-28", "-q"};

        CliRun first = CliRun.of(cmd);
        assertThat(first.exit()).as(first.err()).isEqualTo(0);
        assertThat(records(out.resolve("nightly-2026-11-28"))).hasSize(3);

        CliRun again = CliRun.of(cmd);
        assertThat(again.exit()).isEqualTo(0);
        assertThat(again.out().strip()).isEqualTo("nightly: nothing new since the last run; no records written");
        assertThat(runFolders(out)).containsExactly("nightly-2026-11-28");

        Files.copy(dumps.get(3), in.resolve(dumps.get(3).getFileName()));
        CliRun added = CliRun.of(cmd);
        assertThat(added.exit()).as(added.err()).isEqualTo(0);
        List<JsonNode> fresh = records(out.resolve("nightly-2026-11-28-2"));
        assertThat(fresh).hasSize(1);
        assertThat(fresh.get(0).get("source").asString()).endsWith(dumps.get(3).getFileName().toString());

        // a touched file with the same content is not new; the same path with other content is
        Path touched = in.resolve(dumps.get(0).getFileName());
        Files.setLastModifiedTime(touched, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(CliRun.of(cmd).out()).contains("nothing new");
        Path changed = in.resolve(dumps.get(1).getFileName());
        Files.writeString(changed, Files.readString(changed) + "\n\nA correction was appended to this article after publication.\n");
        CliRun edited = CliRun.of(cmd);
        assertThat(edited.exit()).as(edited.err()).isEqualTo(0);
        List<JsonNode> again3 = records(out.resolve("nightly-2026-11-28-3"));
        assertThat(again3).hasSize(1);
        assertThat(again3.get(0).get("source").asString()).endsWith(dumps.get(1).getFileName().toString());

        CliRun status = CliRun.of("status", "-o", out.toString());
        assertThat(status.exit()).isEqualTo(0);
        assertThat(status.out()).contains("nightly-2026-11-28-3").contains("COMPLETED");
        assertThat(out.resolve(".state")).isDirectoryNotContaining("glob:**.lck"); // the output lock guards the state

        // while a process holds the output folder, status does not open its embedded state database
        try (io.archivebatch.batch.OutputLock held = io.archivebatch.batch.OutputLock.acquire(out)) {
            CliRun busy = CliRun.of("status", "-o", out.toString());
            assertThat(busy.exit()).isEqualTo(ExitCodes.LOCKED);
            assertThat(busy.err()).contains("a run is in progress");
        }
        assertThat(CliRun.of("status", "-o", out.toString()).exit()).isEqualTo(0);
    }

    @Test
    void backfillTakesExactlyTheInputsOfItsDateRange(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        List<Path> dumps = wcxb(8);
        String[] places = {"2024-01-01/a.txt", "2024-01-02/b.txt", "2024/01/03/c.txt", "news-20240104-d.txt",
                "2024-01-05/e.txt", "2024-01-03/late/2024-01-09-f.txt", "undated-in.txt", "undated-out.txt"};
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < places.length; i++) {
            Path target = in.resolve(places[i]);
            Files.createDirectories(target.getParent());
            Files.copy(dumps.get(i), target);
        }
        Files.setLastModifiedTime(in.resolve("undated-in.txt"), FileTime.from(Instant.parse("2024-01-03T12:00:00Z")));
        Files.setLastModifiedTime(in.resolve("undated-out.txt"), FileTime.from(Instant.parse("2023-06-01T12:00:00Z")));
        expected.add("2024-01-02/b.txt");
        expected.add("2024/01/03/c.txt");
        expected.add("news-20240104-d.txt");
        expected.add("undated-in.txt");
        Path out = tmp.resolve("out");
        String[] cmd = {"backfill", "--from", "2024-01-02", "--to", "2024-01-04", "-i", in.toString(), "-o", out.toString(), "-q"};

        CliRun r = CliRun.of(cmd);
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        List<String> sources = records(out.resolve("backfill-2024-01-02_2024-01-04")).stream()
                .map(n -> n.get("source").asString().substring(in.toString().length() + 1)).sorted().toList();
        assertThat(sources).containsExactlyElementsOf(expected.stream().sorted().toList());

        assertThat(CliRun.of(cmd).out()).contains("nothing new");
        String[] forced = {"backfill", "--from", "2024-01-02", "--to", "2024-01-04", "--force", "-i", in.toString(), "-o", out.toString(), "-q"};
        CliRun again = CliRun.of(forced);
        assertThat(again.exit()).as(again.err()).isEqualTo(0);
        assertThat(records(out.resolve("backfill-2024-01-02_2024-01-04-2"))).hasSize(4);

        CliRun bad = CliRun.of("backfill", "--from", "2024-01-05", "--to", "2024-01-01", "-i", in.toString(), "-o", out.toString());
        assertThat(bad.exit()).isEqualTo(2);
        CliRun badDate = CliRun.of("backfill", "--from", "yesterday", "--to", "2024-01-01");
        assertThat(badDate.exit()).isEqualTo(2);
    }

    @Test
    void restartResumesTheNewestUnfinishedRunAndSaysSoWhenThereIsNone(@TempDir Path tmp) throws Exception {
        Path in = wcxbInputs(tmp, 30);
        Path out = tmp.resolve("out");
        assertThat(failingAfter12("nightly", "-i", in.toString(), "-o", out.toString(), "--chunk-size", "5", "-q").exit())
                .isEqualTo(1);
        CliRun status = CliRun.of("status", "-o", out.toString(), "--json");
        JsonNode run = JSON.readTree(status.out()).get("runs").get(0);
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("written").asLong() + run.get("rejected").asLong()).isEqualTo(10);
        assertThat(run.get("error").asString()).contains("injected failure");

        CliRun restart = CliRun.of("restart", "-o", out.toString(), "-q");
        assertThat(restart.exit()).as(restart.err()).isIn(0, 4);
        assertThat(restart.out()).contains("resumed and completed");
        // the resumed run has the same records as one that was never interrupted (restart once ran with limits of
        // zero bytes and zero seconds: every document after the failure became a too_large or timeout reject)
        Path clean = tmp.resolve("clean");
        assertThat(CliRun.of("nightly", "-i", in.toString(), "-o", clean.toString(), "-q").exit()).isIn(0, 4);
        Path resumed = out.resolve(runFolders(out).get(0));
        Path whole = clean.resolve(runFolders(clean).get(0));
        for (String f : List.of("articles.jsonl", "articles.csv", "rejects.jsonl")) {
            assertThat(resumed.resolve(f)).as(f).hasSameBinaryContentAs(whole.resolve(f));
        }
        assertThat(Files.readString(resumed.resolve("rejects.jsonl"))).doesNotContain("\"timeout\"", "\"too_large\"");
        assertThat(Files.readAllLines(resumed.resolve("articles.jsonl"))).hasSizeGreaterThanOrEqualTo(25);
        CliRun none = CliRun.of("restart", "-o", out.toString(), "-q");
        assertThat(none.exit()).isEqualTo(0);
        assertThat(none.out()).contains("no unfinished run");
        assertThat(CliRun.of("nightly", "-i", in.toString(), "-o", out.toString(), "-q").out()).contains("nothing new");
    }

    @Test
    void restartKeepsTheLimitsTheRunWasStartedWith(@TempDir Path tmp) throws Exception {
        // about two thirds of these dumps are larger than 12,000 bytes: too_large for this run, articles by default
        Path in = wcxbInputs(tmp, 30);
        Path out = tmp.resolve("out");
        assertThat(failingAfter12("run", "-i", in.toString(), "-o", out.toString(), "--chunk-size", "5",
                "--max-document-bytes", "12000", "-q").exit()).isEqualTo(1);
        CliRun restart = CliRun.of("restart", "-o", out.toString(), "-q"); // with the default limit of 20 MB
        assertThat(restart.exit()).as(restart.err()).isEqualTo(4);
        Path clean = tmp.resolve("clean");
        assertThat(CliRun.of("run", "-i", in.toString(), "-o", clean.toString(), "--max-document-bytes", "12000", "-q")
                .exit()).isEqualTo(4);
        Path resumed = out.resolve(runFolders(out).get(0));
        Path whole = clean.resolve(runFolders(clean).get(0));
        for (String f : List.of("articles.jsonl", "articles.csv", "rejects.jsonl")) {
            assertThat(resumed.resolve(f)).as(f).hasSameBinaryContentAs(whole.resolve(f));
        }
        long tooLarge = Files.readAllLines(resumed.resolve("rejects.jsonl")).stream()
                .filter(l -> l.contains("\"too_large\"")).count();
        assertThat(tooLarge).isGreaterThanOrEqualTo(15);
        JsonNode parameters = JSON.readTree(Files.readString(resumed.resolve("manifest.json"))).get("parameters");
        assertThat(parameters.get("max_document_bytes").asLong()).isEqualTo(12000);
        assertThat(parameters.get("max_seconds_per_document").asLong()).isEqualTo(30);
    }

    /** A folder of the first {@code n} wcxb-dev text dumps. */
    private static Path wcxbInputs(Path tmp, int n) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        for (Path p : wcxb(n)) {
            Files.copy(p, in.resolve(p.getFileName()));
        }
        return in;
    }

    /** The command with the fault injection that fails the run after 12 documents. */
    private static CliRun failingAfter12(String... args) throws Exception {
        System.setProperty("archive-batch.test.fail-after", "12");
        try {
            return CliRun.of(args);
        } finally {
            System.clearProperty("archive-batch.test.fail-after");
        }
    }

    private static List<Path> wcxb(int n) throws Exception {
        try (Stream<Path> s = Files.list(Corpus.wcxbDev().resolve("dumps"))) {
            return s.sorted().limit(n).toList();
        }
    }

    private static List<JsonNode> records(Path run) throws Exception {
        assertThat(run.resolve("manifest.json")).exists();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("articles.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        for (String line : Files.readAllLines(run.resolve("rejects.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static List<String> runFolders(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
