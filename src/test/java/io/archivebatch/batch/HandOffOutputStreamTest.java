package io.archivebatch.batch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandOffOutputStreamTest {

    @Test
    void theTargetGetsTheSameBytesInTheSameOrder() throws Exception {
        Random rnd = new Random(3);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (HandOffOutputStream out = new HandOffOutputStream(target, "test-writer")) {
            for (int i = 0; i < 2_000; i++) { // about 5 MB: writes across many block boundaries, some larger than a block
                byte[] b = new byte[i % 500 == 0 ? HandOffOutputStream.BLOCK + 17 : rnd.nextInt(4_000)];
                rnd.nextBytes(b);
                out.write(b);
                expected.write(b);
                out.write(i & 0xFF);
                expected.write(i & 0xFF);
            }
        }
        assertThat(target.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void aFailingTargetFailsTheWriterAndIsClosed() {
        boolean[] closed = {false};
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThatThrownBy(() -> {
            try (HandOffOutputStream out = new HandOffOutputStream(failing, "test-writer")) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[HandOffOutputStream.BLOCK]);
                }
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("disk full");
        assertThat(closed[0]).isTrue();
    }
}
