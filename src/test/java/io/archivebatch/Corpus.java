package io.archivebatch;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared/corpus} (read-only); tests that need it fail loudly when it is missing. */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        String override = System.getProperty("archive-batch.corpus");
        Path p = override != null ? Path.of(override) : Path.of("..", "shared", "corpus");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("the labelled corpus is missing at " + p.toAbsolutePath()
                    + " (set -Darchive-batch.corpus=DIR)");
        }
        return p;
    }

    public static Path seedDump() {
        return root().resolve("seed/dumps/000_22898621c20ffafb.txt");
    }

    public static Path seedGold() {
        return root().resolve("seed/gold/000_22898621c20ffafb.json");
    }

    public static Path wcxbDev() {
        return root().resolve("wcxb-dev");
    }
}
