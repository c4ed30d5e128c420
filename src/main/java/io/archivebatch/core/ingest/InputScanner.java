package io.archivebatch.core.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds the input files under the given paths (files or folders, any depth), in a deterministic order: by
 * source name, so every run over the same inputs reads them in the same order.
 */
public final class InputScanner {

    private final Predicate<String> accept;

    /** @param accept decides by file name whether a file is an input (e.g. ends with ".txt") */
    public InputScanner(Predicate<String> accept) {
        this.accept = accept;
    }

    public static InputScanner textDumps() {
        return new InputScanner(name -> name.toLowerCase(java.util.Locale.ROOT).endsWith(".txt"));
    }

    /** Every format the job reads: text dumps and JSON Lines / JSON / CSV exports. */
    public static InputScanner allFormats() {
        return new InputScanner(InputReaders.accepted());
    }

    public List<InputFile> scan(List<Path> roots) throws IOException {
        return scan(null, roots);
    }

    /**
     * @param base  folder that relative roots are resolved against (null: the working directory)
     * @param roots the inputs as the user named them; sources start with these names
     */
    public List<InputFile> scan(Path base, List<Path> roots) throws IOException {
        List<InputFile> files = new ArrayList<>();
        for (Path named : roots) {
            Path root = base == null ? named : base.resolve(named);
            String prefix = slashes(named.toString());
            if (!Files.exists(root)) {
                throw new IOException("input does not exist: " + root);
            }
            if (Files.isRegularFile(root)) {
                BasicFileAttributes a = Files.readAttributes(root, BasicFileAttributes.class);
                files.add(new InputFile(root, prefix, a.size(), a.lastModifiedTime().toMillis()));
                continue;
            }
            files.addAll(new FolderWalk(accept, root, prefix).files());
        }
        // a stable sort: of the files with the same source (named twice, or "a\\b.txt" beside "a/b.txt"), the first found
        // comes first, and is the one kept
        files.sort(FolderWalk.BY_SOURCE);
        List<InputFile> out = new ArrayList<>(files.size());
        for (InputFile f : files) {
            if (out.isEmpty() || !out.get(out.size() - 1).source().equals(f.source())) {
                out.add(f);
            }
        }
        return out;
    }

    private static String slashes(String s) {
        return s.replace('\\', '/');
    }
}
