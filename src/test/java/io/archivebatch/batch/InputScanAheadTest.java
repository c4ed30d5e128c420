package io.archivebatch.batch;

import io.archivebatch.Corpus;
import io.archivebatch.core.ingest.InputScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scan started beside the Spring start gives what the run's own scan gives, failures included. */
class InputScanAheadTest {

    @Test
    void givesTheSameFilesAsAScanAndIsOnlyTakenForItsOwnInputs(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/site"));
        try (Stream<Path> s = Files.list(Corpus.wcxbDev().resolve("dumps"))) {
            for (Path p : s.sorted().limit(25).toList()) {
                Files.copy(p, in.resolve(p.getFileName()));
            }
        }
        List<Path> inputs = List.of(in.getParent());
        InputScanAhead ahead = InputScanAhead.start(inputs);

        assertThat(ahead.isOf(JobRunner.workdir(), inputs)).isTrue();
        assertThat(ahead.isOf(JobRunner.workdir(), List.of(in))).isFalse();
        assertThat(ahead.isOf(dir, inputs)).isFalse();
        assertThat(ahead.take()).hasSize(25).isEqualTo(InputScanner.allFormats().scan(JobRunner.workdir(), inputs));
        // taken once: the run's list is not kept by the scan
        assertThat(ahead.isOf(JobRunner.workdir(), inputs)).isFalse();
        assertThatThrownBy(ahead::take).isInstanceOf(IllegalStateException.class);

        InputScanAhead dropped = InputScanAhead.start(inputs);
        dropped.discard();
        assertThat(dropped.isOf(JobRunner.workdir(), inputs)).isFalse();
    }

    @Test
    void aFailedScanThrowsWhatTheScanThrew(@TempDir Path dir) {
        InputScanAhead ahead = InputScanAhead.start(List.of(dir.resolve("missing")));
        assertThatThrownBy(ahead::take).isExactlyInstanceOf(IOException.class)
                .hasMessageContaining("input does not exist").hasMessageContaining("missing");
    }
}
