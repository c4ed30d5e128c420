package io.archivebatch.core.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the bytes of a text dump. UTF-8 with or without BOM (UTF-16 when it has a BOM); invalid byte sequences
 * are replaced with U+FFFD and the document is flagged {@code invalid_utf8_replaced}, unless so much of it is
 * invalid or binary that it is not text at all, which rejects it.
 */
public final class TextDecoder {

    /** The decoded text and what had to be repaired. */
    public record Decoded(String text, List<String> flags) {
    }

    /** Share of replaced characters above which a document is rejected as not UTF-8 text. */
    private final double maxReplacedShare;
    /** Share of NUL and other C0 control bytes above which a document is rejected as binary. */
    private final double maxControlShare;

    public TextDecoder() {
        this(0.10, 0.05);
    }

    public TextDecoder(double maxReplacedShare, double maxControlShare) {
        this.maxReplacedShare = maxReplacedShare;
        this.maxControlShare = maxControlShare;
    }

    public Decoded decode(byte[] bytes) throws RejectedInputException {
        if (bytes.length == 0) {
            throw new RejectedInputException("empty", "the file is empty");
        }
        List<String> flags = new ArrayList<>();
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
            flags.add("utf16");
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
            flags.add("utf16");
        }
        boolean ascii = false;
        if (charset == StandardCharsets.UTF_8) {
            int control = 0;
            int high = 0; // a byte from 0x80 on sets 0x80
            for (int i = offset; i < bytes.length; i++) {
                int b = bytes[i] & 0xFF;
                high |= b;
                if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                    control++;
                }
            }
            int len = bytes.length - offset;
            if (len > 0 && control > maxControlShare * len) {
                throw new RejectedInputException("binary",
                        String.format("not text: %d of %d bytes are NUL or control bytes", control, len));
            }
            ascii = high < 0x80;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        String text = null;
        if (charset == StandardCharsets.UTF_8 && !ascii) {
            text = Utf8.decodeValid(bytes, offset, bytes.length); // null if not valid UTF-8: the paths below tell
        }
        if (charset == StandardCharsets.UTF_8 && text == null) {
            // the String constructor's decoder is several times faster than a CharsetDecoder; it replaces malformed
            // input by U+FFFD, so text without any U+FFFD was valid UTF-8 (text with one takes the strict path)
            String fast = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
            if (fast.indexOf('\uFFFD') < 0) {
                text = fast;
            }
        }
        try {
            if (text == null) {
                text = strict(charset).decode(in).toString();
            }
        } catch (CharacterCodingException e) {
            in.rewind().position(offset);
            CharBuffer lenient;
            try {
                lenient = charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            } catch (CharacterCodingException impossible) {
                throw new RejectedInputException("unreadable", "cannot decode as " + charset + ": " + impossible);
            }
            text = lenient.toString();
            long replaced = text.chars().filter(c -> c == 0xFFFD).count();
            if (text.length() > 0 && replaced > maxReplacedShare * text.length()) {
                throw new RejectedInputException("invalid_encoding",
                        String.format("not %s text: %d of %d characters are invalid byte sequences",
                                charset.name(), replaced, text.length()));
            }
            flags.add("invalid_utf8_replaced");
        }
        if (text.isBlank()) {
            throw new RejectedInputException("empty", "the file holds only whitespace");
        }
        return new Decoded(text, flags);
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
