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

    /** Each wcxb-dev text dump, in name order, as the cleaner's blocks: normalized and segmented. */
    public static void forEachWcxbDumpBlocks(DumpBlocks action) throws java.io.IOException {
        io.archivebatch.core.clean.TextNormalizer normalizer = new io.archivebatch.core.clean.TextNormalizer();
        io.archivebatch.core.clean.BlockSegmenter segmenter = new io.archivebatch.core.clean.BlockSegmenter();
        try (java.util.stream.Stream<Path> files = Files.list(wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().toList()) {
                action.accept(f, segmenter.segment(normalizer.normalize(Files.readString(f))));
            }
        }
    }

    /** What {@link #forEachWcxbDumpBlocks} does with one dump. */
    public interface DumpBlocks {
        void accept(Path dump, java.util.List<io.archivebatch.core.model.Block> blocks);
    }

    /** Each wcxb-dev text dump, in name order, that the built-in cleaning accepts, with its outcome. */
    public static void forEachWcxbArticle(ArticleAction action) throws Exception {
        io.archivebatch.core.pipeline.DocumentProcessor processor =
                new io.archivebatch.core.pipeline.DocumentProcessor(io.archivebatch.core.pipeline.CleaningConfig.builtinOnly());
        try (java.util.stream.Stream<Path> files = Files.list(wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f);
                if (processor.process(new io.archivebatch.core.model.RawDocument(f.toString(), null, text, text.length(),
                        java.util.List.of())) instanceof io.archivebatch.core.model.Outcome.Accepted acc) {
                    action.accept(f, acc);
                }
            }
        }
    }

    /** What {@link #forEachWcxbArticle} does with one accepted dump. */
    public interface ArticleAction {
        void accept(Path dump, io.archivebatch.core.model.Outcome.Accepted accepted) throws Exception;
    }
}
