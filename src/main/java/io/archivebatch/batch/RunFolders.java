package io.archivebatch.batch;

import java.nio.file.Path;

/** Where a run writes: {@code <output>/.staging/<run>} while it works, {@code <output>/<run>} once published. */
public record RunFolders(Path output, String runName) {

    public Path staging() {
        return output.resolve(".staging").resolve(runName);
    }

    public Path published() {
        return output.resolve(runName);
    }

    public Path inputList() {
        return staging().resolve("inputs.tsv");
    }

    /** The chrome lines learned for this run (site profiles snapshot). */
    public Path profile() {
        return staging().resolve("profile.tsv");
    }
}
