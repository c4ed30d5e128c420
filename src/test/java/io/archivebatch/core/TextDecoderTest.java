package io.archivebatch.core;

import io.archivebatch.core.clean.TextNormalizer;
import io.archivebatch.core.ingest.RejectedInputException;
import io.archivebatch.core.ingest.TextDecoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextDecoderTest {

    private final TextDecoder decoder = new TextDecoder();
    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void stripsTheBomAndNormalizesLineEnds() throws Exception {
        byte[] body = "Title\r\n\r\nFirst para\rgraph.\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        TextDecoder.Decoded d = decoder.decode(withBom);
        assertThat(d.flags()).isEmpty();
        assertThat(normalizer.normalize(d.text())).isEqualTo("Title\n\nFirst para\ngraph.");
    }

    @Test
    void replacesInvalidBytesAndFlagsTheDocument() throws Exception {
        byte[] text = "Caf\u00e9 news: the mayor spoke at length about the budget.".getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(text, text.length + 1);
        broken[3] = (byte) 0xE9; // a Latin-1 é inside UTF-8
        broken[text.length] = (byte) 0xFF;
        TextDecoder.Decoded d = decoder.decode(broken);
        assertThat(d.flags()).containsExactly("invalid_utf8_replaced");
        assertThat(d.text()).contains("the mayor spoke at length").contains("\uFFFD");
    }

    @Test
    void rejectsBinaryEmptyAndMostlyInvalidInput() {
        byte[] nul = new byte[400];
        Arrays.fill(nul, (byte) 0);
        assertThatThrownBy(() -> decoder.decode(nul)).isInstanceOf(RejectedInputException.class)
                .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo("binary");
        assertThatThrownBy(() -> decoder.decode(new byte[0]))
                .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo("empty");
        assertThatThrownBy(() -> decoder.decode(" \n\t\n ".getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo("empty");
        byte[] latin = new byte[300];
        Arrays.fill(latin, (byte) 0xE9);
        assertThatThrownBy(() -> decoder.decode(latin))
                .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo("invalid_encoding");
    }

    @Test
    void normalizerRemovesZeroWidthAndControlCharactersAndComposesNfc() {
        String raw = "Cafe\u0301\u200B  news\u0007\u00a0today\n\n\n\nNext\u00ad block ";
        assertThat(normalizer.normalize(raw)).isEqualTo("Caf\u00e9 news today\n\nNext block");
    }

    /**
     * Every C0 byte but tab, line feed, form feed and carriage return counts against text, no other byte does: three
     * of one byte among 42 (over 5%) reject the text as binary exactly for those; and the share is a strict bound.
     */
    @Test
    void controlBytesCountExactlyTheC0BytesButWhiteSpace() throws Exception {
        for (int x = 0; x < 256; x++) {
            byte[] b = new byte[42];
            Arrays.fill(b, (byte) 'a');
            b[10] = b[20] = b[30] = (byte) x;
            boolean control = x < 0x20 && x != '\t' && x != '\n' && x != '\f' && x != '\r';
            if (control) {
                assertThatThrownBy(() -> decoder.decode(b)).as("byte %d", x)
                        .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo("binary");
            } else if (x < 0x80) {
                assertThat(decoder.decode(b).text()).as("byte %d", x).hasSize(42);
            } else { // not UTF-8 by itself: replaced, never binary
                assertThat(decoder.decode(b).flags()).as("byte %d", x).contains("invalid_utf8_replaced");
            }
        }
        byte[] atBound = ("\u0001".repeat(5) + "é".repeat(45) + "x".repeat(5)).getBytes(StandardCharsets.UTF_8);
        assertThat(atBound).hasSize(100); // 5 control bytes of 100: not more than 5%
        assertThat(decoder.decode(atBound).text()).startsWith("\u0001").contains("é");
        byte[] past = ("\u0001".repeat(6) + "é".repeat(45) + "x".repeat(4)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decoder.decode(past)).extracting(e -> ((RejectedInputException) e).reason()).isEqualTo("binary");
    }
}
