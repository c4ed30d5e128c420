package io.archivebatch.cli;

import io.archivebatch.TehranTimes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety proven the hard way: the job runs in a child JVM on 3,000 real Tehran Times articles and is killed
 * with SIGKILL at two different points (or stopped with SIGTERM); the same command is re-issued each time. The
 * published articles.jsonl, articles.csv and rejects.jsonl must equal an uninterrupted run's byte for byte.
 */
class CrashRecoveryTest {

    private static final int DOCS = 3000;

    @TempDir
    static Path tmp;
    static Path input;
    static Path reference;

    @BeforeAll
    static void uninterruptedReference() throws Exception {
        input = tmp.resolve("tehran");
        assertThat(TehranTimes.unpack(input, DOCS)).isEqualTo(DOCS);
        reference = tmp.resolve("reference");
        CliRun r = CliRun.of("run", "-i", input.toString(), "-o", reference.toString(), "--chunk-size", "50",
                "--threads", "2", "-q");
        assertThat(r.exit()).as(r.err()).isIn(0, 4);
    }

    @Test
    void killedTwiceWithSigkillThenResumedGivesIdenticalOutput() throws Exception {
        Path out = tmp.resolve("killed");
        String[] cmd = {"run", "-i", input.toString(), "-o", out.toString(), "--chunk-size", "50", "-q"};

        ChildJvm first = ChildJvm.start(tmp.resolve("logs"), "kill1", cmd);
        first.awaitThat(() -> stagedLines(out) >= 700, 120, "700 records written");
        first.kill();

        ChildJvm second = ChildJvm.start(tmp.resolve("logs"), "kill2", cmd);
        second.awaitThat(() -> stagedLines(out) >= 2000, 120, "2000 records written");
        second.kill();

        ChildJvm third = ChildJvm.start(tmp.resolve("logs"), "finish", cmd);
        int exit = third.waitFor(180);
        assertThat(exit).as(third.output()).isIn(0, 4);
        assertThat(Files.readString(third.stdout)).contains("resumed and completed");
        assertThat(Files.readString(third.stderr)).contains("recovered run");
        assertSameDataset(out);
    }

    @Test
    void sigtermStopsAtAChunkBoundaryAndTheSameCommandResumes() throws Exception {
        Path out = tmp.resolve("terminated");
        String[] cmd = {"run", "-i", input.toString(), "-o", out.toString(), "--chunk-size", "50", "-q"};
        ChildJvm first = ChildJvm.start(tmp.resolve("logs"), "term1", cmd);
        first.awaitThat(() -> stagedLines(out) >= 500, 120, "500 records written");
        first.terminate();
        int exit = first.waitFor(60);
        assertThat(exit).as(first.output()).isEqualTo(1);
        assertThat(Files.readString(first.stderr)).contains("stopped after");
        long committed = stagedLines(out);
        assertThat(committed).isLessThan(DOCS);
        // every partition stopped on one of its chunk boundaries of 50, or had finished its whole range
        int parts = io.archivebatch.batch.InputRangePartitioner.partitions(DOCS);
        assertThat(partLines(out.resolve(".staging")).values())
                .allSatisfy(n -> assertThat(n % 50 == 0 || n == DOCS / parts || n == DOCS / parts + 1).as("%d lines", n).isTrue());

        CliRun status = CliRun.of("status", "-o", out.toString(), "--json");
        assertThat(status.out()).contains("\"status\" : \"STOPPED\"");

        ChildJvm again = ChildJvm.start(tmp.resolve("logs"), "term2", cmd);
        assertThat(again.waitFor(180)).as(again.output()).isIn(0, 4);
        assertThat(Files.readString(again.stdout)).contains("resumed and completed");
        assertSameDataset(out);
    }

    @Test
    void secondProcessOnALiveStateExitsThreeAtOnceAndTheFirstCompletes() throws Exception {
        Path out = tmp.resolve("overlap");
        String[] cmd = {"run", "-i", input.toString(), "-o", out.toString(), "--chunk-size", "50", "-q"};
        ChildJvm first = ChildJvm.start(tmp.resolve("logs"), "overlap1", cmd);
        first.awaitThat(() -> stagedLines(out) >= 100, 120, "the first run to be under way");
        long t0 = System.nanoTime();
        ChildJvm second = ChildJvm.start(tmp.resolve("logs"), "overlap2", cmd);
        int secondExit = second.waitFor(60);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(secondExit).as(second.output()).isEqualTo(3);
        assertThat(seconds).isLessThan(15);
        assertThat(Files.readString(second.stderr)).contains("nothing was done");
        assertThat(first.waitFor(180)).as(first.output()).isIn(0, 4);
        assertThat(Files.readString(first.stdout)).contains("completed").doesNotContain("resumed");
        assertSameDataset(out);
    }

    @Test
    void oneThreadGivesTheSameFilesAsTheParallelReference() throws Exception {
        Path out = tmp.resolve("one-thread");
        CliRun r = CliRun.of("run", "-i", input.toString(), "-o", out.toString(), "--chunk-size", "50", "--threads", "1", "-q");
        assertThat(r.exit()).as(r.err()).isIn(0, 4);
        assertSameDataset(out);
        assertThat(CliRun.of("run", "--threads", "-1").exit()).isEqualTo(2);
    }

    private static long stagedLines(Path out) {
        Path staging = out.resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        return committedLines(staging);
    }

    /** Records written to the part files under a staging folder (each partition writes its own). */
    static long committedLines(Path staging) {
        return partLines(staging).values().stream().mapToLong(Long::longValue).sum();
    }

    static java.util.Map<Path, Long> partLines(Path staging) {
        java.util.Map<Path, Long> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(staging)) {
            for (Path p : s.toList()) {
                if (p.getParent() != null && p.getParent().getFileName().toString().startsWith("part-")
                        && (p.getFileName().toString().equals("articles.jsonl") || p.getFileName().toString().equals("rejects.jsonl"))) {
                    out.merge(p.getParent(), ChildJvm.lines(p), Long::sum);
                }
            }
        } catch (Exception e) {
            // a folder vanished while being read: count what was seen
        }
        return out;
    }

    private static void assertSameDataset(Path out) throws Exception {
        Path a = RunCommandTest.onlyRun(reference);
        Path b = RunCommandTest.onlyRun(out);
        for (String f : List.of("articles.jsonl", "articles.csv", "rejects.jsonl")) {
            assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f + " differs from the uninterrupted run").isEqualTo(-1L);
        }
        assertThat(ChildJvm.lines(b.resolve("articles.jsonl")) + ChildJvm.lines(b.resolve("rejects.jsonl"))).isEqualTo(DOCS);
    }
}
