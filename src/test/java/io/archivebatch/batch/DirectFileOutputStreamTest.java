package io.archivebatch.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectFileOutputStreamTest {

    @TempDir
    Path dir;

    /** Sizes around the block and buffer edges: empty, one byte, a block short and over, a buffer and more. */
    @Test
    void theFileHoldsExactlyTheBytesWrittenDirectOrNot() throws Exception {
        int[] sizes = {0, 1, 4095, 4096, 4097, DirectFileOutputStream.BUFFER - 1, DirectFileOutputStream.BUFFER,
                DirectFileOutputStream.BUFFER + 4096, 3 * DirectFileOutputStream.BUFFER + 12_345};
        for (boolean tryDirect : new boolean[]{true, false}) {
            for (int size : sizes) {
                Path file = dir.resolve("f-" + tryDirect + "-" + size);
                Files.writeString(file, "an older, longer content to be replaced ".repeat(200_000)); // truncated on open
                byte[] expected = write(file, size, tryDirect);
                assertThat(Files.readAllBytes(file)).as("%d bytes, direct tried: %s", size, tryDirect).isEqualTo(expected);
            }
        }
    }

    /** Where the file system does direct I/O (ext4, XFS, btrfs: CI's and ours), the whole blocks go around the cache. */
    @Test
    void onADiskFileSystemTheBlocksAreWrittenDirect() throws Exception {
        String type = Files.getFileStore(dir).type();
        Path file = dir.resolve("direct");
        try (DirectFileOutputStream out = new DirectFileOutputStream(file)) {
            out.write(new byte[3 * 4096 + 5]);
            out.close();
            if (Set.of("ext4", "xfs", "btrfs").contains(type)) {
                assertThat(out.wroteDirect()).as("file system %s", type).isTrue();
            }
        }
        try (DirectFileOutputStream out = new DirectFileOutputStream(dir.resolve("ordinary"), false)) {
            out.write(new byte[3 * 4096 + 5]);
            out.close();
            assertThat(out.wroteDirect()).isFalse();
        }
        assertThat(Files.size(file)).isEqualTo(3 * 4096 + 5);
    }

    /** Direct writes that fail (here from a misaligned buffer) are done again the ordinary way: the same bytes. */
    @Test
    void refusedDirectWritesAreWrittenOrdinarily() throws Exception {
        Random rnd = new Random(7);
        byte[] all = new byte[3 * DirectFileOutputStream.BUFFER + 777];
        rnd.nextBytes(all);
        Path file = dir.resolve("refused");
        try (DirectFileOutputStream out = new DirectFileOutputStream(file, true, true)) {
            out.write(all, 0, 1000);
            out.write(all, 1000, all.length - 1000);
            out.close();
            assertThat(out.wroteDirect()).isFalse();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(all);
    }

    @Test
    void aClosedStreamRefusesWrites() throws Exception {
        DirectFileOutputStream out = new DirectFileOutputStream(dir.resolve("closed"));
        out.write(1);
        out.close();
        out.close(); // twice is harmless
        assertThatThrownBy(() -> out.write(2)).isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(dir.resolve("closed"))).containsExactly(1);
    }

    /** Writes random bytes in pieces of random length, some one byte at a time; returns what was written. */
    private static byte[] write(Path file, int size, boolean tryDirect) throws IOException {
        Random rnd = new Random(size);
        byte[] all = new byte[size];
        rnd.nextBytes(all);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (DirectFileOutputStream out = new DirectFileOutputStream(file, tryDirect)) {
            int at = 0;
            while (at < size) {
                if (rnd.nextInt(10) == 0) {
                    out.write(all[at]);
                    copy.write(all[at]);
                    at++;
                    continue;
                }
                int n = Math.min(size - at, rnd.nextInt(300_000));
                out.write(all, at, n);
                copy.write(all, at, n);
                at += n;
            }
        }
        return copy.toByteArray();
    }
}
