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

    /** Where partition k writes its part files. */
    public Path part(int k) {
        return staging().resolve(String.format(java.util.Locale.ROOT, "part-%02d", k));
    }

    /** The merged dataset, complete but for its manifest; renamed to {@link #published()} by the publish step. */
    public Path dataset() {
        return staging().resolve("dataset");
    }

    /** Documents the profile step read from costly inputs, for the process step ({@link ReadCache}). */
    public Path readCache() {
        return staging().resolve("read-cache");
    }

    /** The chrome lines learned for this run (site profiles snapshot). */
    public Path profile() {
        return staging().resolve("profile.tsv");
    }
}
