package io.archivebatch.core;

import io.archivebatch.Corpus;
import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Compressed and archived inputs, nested, with the bounds that keep a hostile archive from hurting the run. */
class ContainerReaderTest {

    private final InputReaders readers = new InputReaders();

    @Test
    void readsMembersOfZipAndNestedTarGzWithTheirSources(@TempDir Path tmp) throws Exception {
        byte[] seed = Files.readAllBytes(Corpus.seedDump());
        byte[] tgz = tarGz("inner/seed.txt", seed);
        Path zip = tmp.resolve("dump.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "a/seed.txt", seed);
            put(z, "export.jsonl", "{\"url\": \"https://n.example/1\", \"text\": \"A short story, but a story all the same, told in one line.\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
            put(z, "more.tar.gz", tgz);
            put(z, "image.png", new byte[]{1, 2, 3});
        }
        List<IngestItem> items = readers.read(new InputFile(zip, "dump.zip", Files.size(zip), 0));
        assertThat(items).extracting(i -> i.document() == null ? i.rejection().source() : i.document().source())
                .containsExactly("dump.zip#a/seed.txt", "dump.zip#export.jsonl#line:1", "dump.zip#more.tar.gz#inner/seed.txt");
        assertThat(items.get(0).document().text()).contains("Khalilzad Holds Talks");
        assertThat(items.get(1).document().url()).isEqualTo("https://n.example/1");

        Path gz = tmp.resolve("seed.txt.gz");
        Files.write(gz, gzip(seed));
        List<IngestItem> one = readers.read(new InputFile(gz, "seed.txt.gz", Files.size(gz), 0));
        assertThat(one).singleElement().satisfies(i -> assertThat(i.document().text()).contains("Check Also"));
    }

    @Test
    void truncatedAndBombArchivesAreRejectsNotCrashes(@TempDir Path tmp) throws Exception {
        byte[] full = gzip(Files.readAllBytes(Corpus.seedDump()));
        Path truncated = tmp.resolve("cut.txt.gz");
        Files.write(truncated, Arrays.copyOf(full, full.length / 2));
        assertThat(readers.read(new InputFile(truncated, "cut.txt.gz", Files.size(truncated), 0)))
                .singleElement().satisfies(i -> assertThat(i.rejection().reason()).isEqualTo("truncated_or_corrupt"));

        Path bomb = tmp.resolve("zeros.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 24; i++) {
                out.write(zeros);
            }
        }
        assertThat(readers.read(new InputFile(bomb, "zeros.txt.gz", Files.size(bomb), 0)))
                .singleElement().satisfies(i -> assertThat(i.rejection().reason()).isEqualTo("decompression_bomb"));

        Path junk = tmp.resolve("junk.zip");
        Files.write(junk, "this is not a zip file at all".getBytes(StandardCharsets.UTF_8));
        assertThat(readers.read(new InputFile(junk, "junk.zip", Files.size(junk), 0)))
                .singleElement().satisfies(i -> assertThat(i.rejection()).isNotNull());
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws Exception {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(bytes);
        }
        return b.toByteArray();
    }

    private static byte[] tarGz(String name, byte[] bytes) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(b))) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(bytes.length);
            t.putArchiveEntry(e);
            t.write(bytes);
            t.closeArchiveEntry();
        }
        return b.toByteArray();
    }
}
