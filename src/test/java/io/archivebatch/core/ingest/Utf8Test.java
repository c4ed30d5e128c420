package io.archivebatch.core.ingest;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand decoder gives the JDK's strict UTF-8 decoder's text for valid input and null for every input the JDK
 * reports as malformed: every wcxb-dev dump, every code point, every two-byte sequence, the three- and four-byte
 * sequences around each boundary, and random bytes.
 */
class Utf8Test {

    /** The JDK's answer: the text, or null when a strict decoder reports the bytes. */
    private static final java.nio.charset.CharsetDecoder STRICT = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private static String strict(byte[] b, int from, int to) {
        try {
            return STRICT.reset().decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void same(byte[] b) {
        assertThat(Utf8.decodeValid(b, 0, b.length)).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(strict(b, 0, b.length));
    }

    @Test
    void realDumpsDecodeAsTheJdkDecodesThem() throws Exception {
        int nonAscii = 0;
        try (Stream<Path> files = Files.list(io.archivebatch.Corpus.wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().toList()) {
                byte[] b = Files.readAllBytes(f);
                String expected = strict(b, 0, b.length);
                assertThat(expected).isNotNull();
                assertThat(Utf8.decodeValid(b, 0, b.length)).isEqualTo(expected);
                if (b.length > 2) { // cut inside a sequence, maybe
                    assertThat(Utf8.decodeValid(b, 1, b.length - 1)).isEqualTo(strict(b, 1, b.length - 1));
                }
                nonAscii += expected.chars().anyMatch(c -> c > 0x7F) ? 1 : 0;
            }
        }
        assertThat(nonAscii).isGreaterThan(500);
    }

    @Test
    void everyCodePointAndEveryShortSequence() {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                all.appendCodePoint(cp);
            }
        }
        byte[] b = all.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.decodeValid(b, 0, b.length)).isEqualTo(all.toString());
        for (int x = 0; x < 256; x++) {
            same(new byte[]{(byte) x});
            for (int y = 0; y < 256; y++) {
                same(new byte[]{(byte) x, (byte) y});
            }
        }
        int[] edges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
        for (int lead = 0xC0; lead < 256; lead++) {
            for (int b1 = 0; b1 < 256; b1++) {
                for (int b2 : edges) {
                    same(new byte[]{(byte) lead, (byte) b1, (byte) b2});
                    for (int b3 : lead < 0xF0 || lead > 0xF5 ? new int[]{0x80} : new int[]{0x41, 0x80, 0xBF, 0xC0}) {
                        same(new byte[]{(byte) lead, (byte) b1, (byte) b2, (byte) b3});
                        same(new byte[]{'a', (byte) lead, (byte) b1, (byte) b2, (byte) b3, 'z'});
                    }
                }
            }
        }
    }

    @Test
    void randomBytesAndRandomText() {
        Random rnd = new Random(15);
        for (int k = 0; k < 200_000; k++) {
            byte[] b = new byte[rnd.nextInt(12)];
            rnd.nextBytes(b);
            same(b);
            StringBuilder t = new StringBuilder();
            for (int i = rnd.nextInt(30); i > 0; i--) {
                int cp = rnd.nextInt(4) == 0 ? rnd.nextInt(Character.MAX_CODE_POINT + 1) : rnd.nextInt(0x3000);
                if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                    t.appendCodePoint(cp);
                }
            }
            byte[] u = t.toString().getBytes(StandardCharsets.UTF_8);
            same(u);
            if (u.length > 0) {
                u[rnd.nextInt(u.length)] ^= (byte) (1 << rnd.nextInt(8)); // one bit flipped
                same(u);
            }
        }
    }
}
