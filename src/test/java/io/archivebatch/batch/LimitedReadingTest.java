package io.archivebatch.batch;

import io.archivebatch.core.ingest.FieldMapping;
import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.pipeline.TimeLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs read in one hand-off: a read that never ends is cut at its limit and the next inputs are read all the same. */
class LimitedReadingTest {

    private static final String STORY = "Harbor Gazette\n\nThe harbour authority said on Tuesday that the new ferry "
            + "terminal will open in the spring, after two years of building work.\n";

    @Test
    void aStuckReadInABatchIsATimeoutAndTheOthersAreRead(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("stuck.txt");
        // a named pipe nobody writes to: opening it waits forever
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        List<InputFile> files = List.of(dump(dir, "a.txt", STORY), new InputFile(fifo, "stuck.txt", 0, 0),
                dump(dir, "b.txt", STORY.replace("Tuesday", "Monday")), new InputFile(fifo, "stuck-again.txt", 0, 0));
        InputReaders readers = new InputReaders(1 << 20, FieldMapping.defaults());

        List<List<IngestItem>> read;
        long t0 = System.nanoTime();
        try (TimeLimit limit = new TimeLimit(300)) {
            read = LimitedReading.readAll(readers, files, limit);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(read).hasSize(4);
        assertThat(read.get(0).get(0).document().text()).contains("on Tuesday");
        assertThat(read.get(1)).singleElement().satisfies(i -> {
            assertThat(i.rejection().reason()).isEqualTo("timeout");
            assertThat(i.rejection().source()).isEqualTo("stuck.txt");
        });
        assertThat(read.get(2).get(0).document().text()).contains("on Monday");
        assertThat(read.get(3).get(0).rejection().reason()).isEqualTo("timeout");
        assertThat(millis).isBetween(550L, 20_000L); // two reads cut at 300 ms each
    }

    private static InputFile dump(Path dir, String name, String text) throws Exception {
        Path p = Files.writeString(dir.resolve(name), text);
        return new InputFile(p, name, Files.size(p), Files.getLastModifiedTime(p).toMillis());
    }
}
