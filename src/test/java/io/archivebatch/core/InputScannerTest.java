package io.archivebatch.core;

import io.archivebatch.Corpus;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which files a folder of inputs holds, in what order, with the size and time the ledger and fingerprint use. */
class InputScannerTest {

    @Test
    void findsTheDumpsOfNestedAndLinkedFoldersSortedBySource(@TempDir Path dir) throws Exception {
        Path seed = Corpus.seedDump();
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.createDirectories(inputs.resolve("b/2024"));
        Files.copy(seed, inputs.resolve("b/2024/z.txt"));
        Files.copy(seed, inputs.resolve("a.txt"));
        Files.copy(seed, inputs.resolve(".hidden.txt"));
        Files.writeString(inputs.resolve("notes.md"), "not an input");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(seed, elsewhere.resolve("linked.txt"));
        Files.createSymbolicLink(inputs.resolve("c"), elsewhere);
        Files.setLastModifiedTime(inputs.resolve("a.txt"), FileTime.fromMillis(1_700_000_000_000L));

        List<InputFile> files = InputScanner.textDumps().scan(dir, List.of(Path.of("inputs")));

        assertThat(files).extracting(InputFile::source)
                .containsExactly("inputs/a.txt", "inputs/b/2024/z.txt", "inputs/c/linked.txt");
        assertThat(files.get(0).size()).isEqualTo(Files.size(seed));
        assertThat(files.get(0).mtime()).isEqualTo(1_700_000_000_000L);
        assertThat(InputScanner.textDumps().scan(dir, List.of(Path.of("inputs/a.txt")))).extracting(InputFile::source)
                .containsExactly("inputs/a.txt");
    }

    /**
     * Folders and files whose names sort differently from their sources ("v0-1/" before "v0/", "v0.txt" between
     * them), a file named twice (as a folder's and as itself) and a backslash in a name: sorted by source, each once,
     * the first found kept.
     */
    @Test
    void sortsInterleavedNamesBySourceAndKeepsAFileNamedTwiceOnce(@TempDir Path dir) throws Exception {
        Path seed = Corpus.seedDump();
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        for (String f : new String[]{"v0/b.txt", "v0/a.txt", "v0-1/c.txt", "v0.txt", "v0a/d.txt", "w/x.txt", "w\\x.txt", "A/e.txt"}) {
            Files.createDirectories(inputs.resolve(f).getParent());
            Files.copy(seed, inputs.resolve(f));
        }
        List<InputFile> files = InputScanner.textDumps().scan(dir, List.of(Path.of("inputs"), Path.of("inputs/v0.txt"),
                Path.of("inputs/v0")));
        assertThat(files).extracting(InputFile::source).containsExactly(
                "inputs/A/e.txt", "inputs/v0-1/c.txt", "inputs/v0.txt", "inputs/v0/a.txt", "inputs/v0/b.txt",
                "inputs/v0a/d.txt", "inputs/w/x.txt");
        assertThat(files.stream().filter(f -> f.source().equals("inputs/w/x.txt")).findFirst().orElseThrow().path())
                .isEqualTo(dir.resolve("inputs").resolve("w\\x.txt")); // the root's own file comes before its folder's
    }

    @Test
    void aBrokenLinkOrALoopIsAnErrorNotAnEmptyRun(@TempDir Path dir) throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.copy(Corpus.seedDump(), broken.resolve("a.txt"));
        Files.createSymbolicLink(broken.resolve("gone.txt"), dir.resolve("missing.txt"));
        assertThatThrownBy(() -> InputScanner.textDumps().scan(List.of(broken)))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("gone.txt");

        Path loop = Files.createDirectories(dir.resolve("loop/inner"));
        Files.createSymbolicLink(loop.resolve("back"), dir.resolve("loop"));
        assertThatThrownBy(() -> InputScanner.textDumps().scan(List.of(dir.resolve("loop"))))
                .isInstanceOf(FileSystemLoopException.class);
    }
}
