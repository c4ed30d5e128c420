package io.archivebatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that fails mid-way (fault injected after some documents) and is re-issued with the same command resumes
 * after its last committed chunk and ends with output identical to an uninterrupted run: no record lost, none twice.
 */
class RestartTest {

    @Test
    void failedRunResumesToTheSameOutputAsAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        List<Path> dumps = RunCommandTest.copyWcxb("dumps", 150, in);
        // two copies of one page: the duplicate index must survive the restart
        Files.copy(dumps.get(3), in.resolve("zz-copy-of-" + dumps.get(3).getFileName()));
        Path clean = tmp.resolve("clean");
        Path crashed = tmp.resolve("crashed");

        CliRun reference = CliRun.of("run", "-i", in.toString(), "-o", clean.toString(), "--chunk-size", "10", "-q");
        assertThat(reference.exit()).as(reference.err()).isIn(0, 4);

        System.setProperty("archive-batch.test.fail-after", "77");
        CliRun failed;
        try {
            failed = CliRun.of("run", "-i", in.toString(), "-o", crashed.toString(), "--chunk-size", "10", "-q");
        } finally {
            System.clearProperty("archive-batch.test.fail-after");
        }
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("injected failure").contains("re-run the same command");
        Path staging;
        try (Stream<Path> s = Files.list(crashed.resolve(".staging"))) {
            staging = s.findFirst().orElseThrow();
        }
        // the chunks before the failure are committed, the failing chunk is not
        long committedLines = CrashRecoveryTest.committedLines(staging);
        assertThat(committedLines).isEqualTo(70); // 152 inputs make one partition: 7 chunks of 10 committed

        CliRun resumed = CliRun.of("run", "-i", in.toString(), "-o", crashed.toString(), "--chunk-size", "10", "-q");
        assertThat(resumed.exit()).as(resumed.err()).isEqualTo(reference.exit());
        assertThat(resumed.out()).contains("resumed and completed");

        Path a = RunCommandTest.onlyRun(clean);
        Path b = RunCommandTest.onlyRun(crashed);
        for (String f : List.of("articles.jsonl", "articles.csv", "rejects.jsonl")) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        assertThat(Files.readString(b.resolve("articles.jsonl"))).contains("\"duplicate_of\":\"");
        assertThat(Files.readAllLines(b.resolve("articles.jsonl")).size()
                + Files.readAllLines(b.resolve("rejects.jsonl")).size()).isEqualTo(dumps.size() + 1);
    }
}
