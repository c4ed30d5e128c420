package io.archivebatch.core.ingest;

import java.nio.file.Path;

/**
 * One input file found by the scanner.
 *
 * @param path   where to read it
 * @param source the name records carry: the input root as given plus the path below it, with '/' separators
 * @param size   bytes
 * @param mtime  last-modified time, epoch milliseconds
 */
public record InputFile(Path path, String source, long size, long mtime) {
}
