package io.archivebatch.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The staging tree is deleted whole: files on several threads, then folders deepest first; a missing tree is fine. */
class StagingDeleteTest {

    @Test
    void deletesEveryFileAndFolder(@TempDir Path tmp) throws Exception {
        Path staging = tmp.resolve("staging").resolve("run-1");
        for (int k = 0; k < 20; k++) {
            Path part = Files.createDirectories(staging.resolve(String.format("part-%02d", k)));
            Files.write(part.resolve("articles.jsonl"), new byte[100_000 + k]);
            Files.writeString(part.resolve("rows.tsv"), "1\t2\n");
            Files.createDirectories(part.resolve("empty").resolve("deeper"));
        }
        Files.writeString(staging.resolve("inputs.tsv"), "x\n");
        Files.writeString(tmp.resolve("staging").resolve("other-run.tsv"), "kept\n");
        PublishTasklet.deleteTree(staging);
        assertThat(staging).doesNotExist();
        assertThat(tmp.resolve("staging").resolve("other-run.tsv")).exists();
        PublishTasklet.deleteTree(staging); // already gone
        assertThat(staging).doesNotExist();
    }
}
