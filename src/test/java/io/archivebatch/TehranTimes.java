package io.archivebatch;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Unpacks the first N articles of {@code same-site/tehran-times.tar.gz} into a test folder (the corpus stays read-only). */
public final class TehranTimes {
    private TehranTimes() {
    }

    public static int unpack(Path target, int max) throws IOException {
        Path archive = Corpus.root().resolve("same-site/tehran-times.tar.gz");
        Files.createDirectories(target);
        int n = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while (n < max && (e = tar.getNextEntry()) != null) {
                if (!e.isFile() || !e.getName().endsWith(".txt")) {
                    continue;
                }
                String name = Path.of(e.getName()).getFileName().toString();
                Files.copy(tar, target.resolve(name));
                n++;
            }
        }
        return n;
    }
}
