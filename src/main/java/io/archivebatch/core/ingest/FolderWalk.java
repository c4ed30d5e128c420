package io.archivebatch.core.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.function.Predicate;

/**
 * The input files below one folder, any depth, links followed: each folder is listed by a task of its own, on as many
 * threads as there are cores, since a scan is mostly one {@code stat} a file (337,240 files: 2.3 s on one thread).
 * What {@code Files.walkFileTree} with {@code FOLLOW_LINKS} finds, with the same errors: a folder that links back to
 * one it is in ({@link FileSystemLoopException}), a broken link with an input's name, an unreadable folder. The files
 * of each folder come sorted by source, the folders below it after them, in order of their paths.
 */
final class FolderWalk {

    static final java.util.Comparator<InputFile> BY_SOURCE = java.util.Comparator.comparing(InputFile::source);

    private final Predicate<String> accept;
    private final Path root;
    /** the source of a file: this plus its path below the root, '/'-separated */
    private final String prefix;

    FolderWalk(Predicate<String> accept, Path root, String prefix) {
        this.accept = accept;
        this.root = root;
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    List<InputFile> files() throws IOException {
        BasicFileAttributes a = Files.readAttributes(root, BasicFileAttributes.class);
        Folder top = new Folder(root, "", new Ancestor(a.fileKey(), root, null));
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads < 2) {
            return unwrap(top::compute);
        }
        java.util.concurrent.atomic.AtomicInteger named = new java.util.concurrent.atomic.AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads, p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("archive-batch-scan-" + named.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, null, false);
        try {
            return unwrap(() -> pool.invoke(top));
        } finally {
            pool.shutdown();
        }
    }

    private interface Work {
        List<InputFile> get();
    }

    /** The work's list; a failure as the walk itself would have thrown it (a task's I/O error comes wrapped). */
    private static List<InputFile> unwrap(Work w) throws IOException {
        try {
            return w.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException io) {
                    throw io;
                }
            }
            throw e;
        }
    }

    /** A folder on the way down from the root, to tell a link back to it (as the walk does: by file key, or path). */
    private record Ancestor(Object key, Path path, Ancestor up) {
        boolean holds(Object otherKey, Path other) throws IOException {
            for (Ancestor a = this; a != null; a = a.up) {
                if (a.key != null && otherKey != null ? a.key.equals(otherKey) : Files.isSameFile(a.path, other)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final class Folder extends RecursiveTask<List<InputFile>> {
        private final Path dir;
        /** its path below the root, '/'-separated, ending with '/' (empty for the root) */
        private final String rel;
        private final Ancestor self;

        Folder(Path dir, String rel, Ancestor self) {
            this.dir = dir;
            this.rel = rel;
            this.self = self;
        }

        @Override
        protected List<InputFile> compute() {
            try {
                return list();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private List<InputFile> list() throws IOException {
            List<InputFile> out = new ArrayList<>();
            List<Folder> below = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                // where the platform allows it, each entry's attributes are asked of the open folder by name
                // (fstatat) rather than by the whole path, which the kernel would look up again component by component
                SecureDirectoryStream<Path> open = entries instanceof SecureDirectoryStream<Path> s ? s : null;
                for (Path p : entries) {
                    BasicFileAttributes a = attributes(open, p);
                    String name = p.getFileName().toString();
                    if (a.isDirectory()) {
                        if (self.holds(a.fileKey(), p)) {
                            throw new FileSystemLoopException(p.toString());
                        }
                        below.add(new Folder(p, rel + name.replace('\\', '/') + "/", new Ancestor(a.fileKey(), p, self)));
                        continue;
                    }
                    if (name.startsWith(".") || !accept.test(name)) {
                        continue;
                    }
                    if (a.isSymbolicLink()) {
                        // a link that could not be followed: its target is missing
                        throw new NoSuchFileException(p.toString(), null, "a broken link");
                    }
                    if (a.isRegularFile()) {
                        out.add(new InputFile(p, prefix + rel + name.replace('\\', '/'), a.size(), a.lastModifiedTime().toMillis()));
                    }
                }
            }
            // sorted here, on the walk's threads, and the folders below taken in order of their sources' start ("v0/"
            // after "v0-1/"): unless a folder holds files and folders whose names interleave, the list comes sorted,
            // and the scanner's sort of the whole list only checks that it is
            out.sort(BY_SOURCE);
            below.sort(java.util.Comparator.comparing(f -> f.rel));
            if (below.size() == 1 || getPool() == null) {
                for (Folder f : below) {
                    out.addAll(f.compute());
                }
            } else if (!below.isEmpty()) {
                invokeAll(below);
                for (Folder f : below) {
                    out.addAll(f.join());
                }
            }
            return out;
        }
    }

    /** A file's attributes, its link's target's; a link whose target is missing: the link's own. */
    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> open, Path p) throws IOException {
        try {
            return read(open, p);
        } catch (IOException e) {
            try {
                return read(open, p, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException ignored) {
                throw e;
            }
        }
    }

    private static BasicFileAttributes read(SecureDirectoryStream<Path> open, Path p, LinkOption... options) throws IOException {
        if (open == null) {
            return Files.readAttributes(p, BasicFileAttributes.class, options);
        }
        return open.getFileAttributeView(p.getFileName(), BasicFileAttributeView.class, options).readAttributes();
    }
}
