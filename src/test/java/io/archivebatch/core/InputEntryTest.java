package io.archivebatch.core;

import io.archivebatch.core.ingest.InputEntry;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.RejectedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file is read whole whatever happened to it since the scan took its size: unchanged, shrunk or grown. */
class InputEntryTest {

    private static final String STORY = "Harbor Gazette\n\nThe harbour authority said on Tuesday that the new ferry "
            + "terminal will open in the spring, after two years of building work.\n";

    @Test
    void readsTheFileAsItIsNowUpToTheLimit(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("a.txt"), STORY);
        long scanned = Files.size(p);
        InputFile f = new InputFile(p, "a.txt", scanned, 0);
        assertThat(new String(InputEntry.of(f).readAtMost(1 << 20), StandardCharsets.UTF_8)).isEqualTo(STORY);

        Files.writeString(p, STORY.substring(0, 40)); // shrunk since the scan
        assertThat(new String(InputEntry.of(f).readAtMost(1 << 20), StandardCharsets.UTF_8)).isEqualTo(STORY.substring(0, 40));

        String grown = STORY.repeat(300); // grown since the scan: read on past the size the scan saw
        Files.writeString(p, grown);
        assertThat(new String(InputEntry.of(f).readAtMost(1 << 20), StandardCharsets.UTF_8)).isEqualTo(grown);
        assertThatThrownBy(() -> InputEntry.of(f).readAtMost(grown.length() - 1))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.toRejection("a.txt").reason()).isEqualTo("too_large"));

        assertThat(InputEntry.of(f).readAtMost(grown.length())).hasSize(grown.length()); // at the limit: read

        Files.writeString(p, STORY + "!"); // one byte more: that byte is the one read past the size
        assertThat(new String(InputEntry.of(f).readAtMost(1 << 20), StandardCharsets.UTF_8)).isEqualTo(STORY + "!");
        Files.writeString(p, "");
        assertThat(InputEntry.of(f).readAtMost(1 << 20)).isEmpty();
        InputFile empty = new InputFile(p, "a.txt", 0, 0); // scanned empty, written since
        Files.writeString(p, STORY);
        assertThat(new String(InputEntry.of(empty).readAtMost(1 << 20), StandardCharsets.UTF_8)).isEqualTo(STORY);
        Files.writeString(p, "");
        assertThat(InputEntry.of(empty).readAtMost(1 << 20)).isEmpty();

        Files.delete(p);
        assertThatThrownBy(() -> InputEntry.of(f).readAtMost(1 << 20))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.toRejection("a.txt").reason()).isEqualTo("unreadable"));
    }
}
