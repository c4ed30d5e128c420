package io.archivebatch.core.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A reusable character buffer a formatter writes one record into, then copied out as UTF-8: what
 * {@code StringWriter} + {@code toString()} + {@code getBytes(UTF_8)} give, without the synchronized
 * {@code StringBuffer}, the string and the byte array made for every record. The bytes are the same as
 * {@link String#getBytes} gives, a lone surrogate included (a {@code '?'}). Not for use by two threads.
 */
public final class RecordBuffer extends Writer {

    private static final int INITIAL = 1 << 13;
    /** a buffer grown past this for one long record is dropped afterwards, so one huge page does not stay */
    private static final int KEEP = 1 << 17;

    private char[] chars = new char[INITIAL];
    private int length;
    /** where a body given as bytes goes ({@link #writeUtf8(OutputStream, byte[], BodyEscape)}), a char position; -1: none */
    private int hole = -1;
    private byte[] bytes = new byte[INITIAL * 3];
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);

    /** Empties the buffer for the next record. */
    public RecordBuffer reset() {
        length = 0;
        hole = -1;
        if (chars.length > KEEP) {
            chars = new char[INITIAL];
        }
        if (bytes.length > 3 * KEEP) {
            bytes = new byte[INITIAL * 3];
        }
        return this;
    }

    /** The number of characters written since the last {@link #reset()}. */
    public int length() {
        return length;
    }

    private void ensure(int more) {
        if (length + more > chars.length) {
            chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
        }
    }

    @Override
    public void write(int c) {
        ensure(1);
        chars[length++] = (char) c;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        ensure(len);
        System.arraycopy(buf, off, chars, length, len);
        length += len;
    }

    @Override
    public void write(String s, int off, int len) {
        ensure(len);
        s.getChars(off, off + len, chars, length);
        length += len;
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public RecordBuffer append(CharSequence csq) {
        CharSequence s = csq == null ? "null" : csq;
        return append(s, 0, s.length());
    }

    @Override
    public RecordBuffer append(CharSequence csq, int start, int end) {
        if (csq == null) {
            return append("null", start, end);
        }
        if (csq instanceof String s) {
            write(s, start, end - start);
        } else {
            ensure(end - start);
            for (int i = start; i < end; i++) {
                chars[length++] = csq.charAt(i);
            }
        }
        return this;
    }

    @Override
    public RecordBuffer append(char c) {
        write(c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** The buffered characters as a string. */
    @Override
    public String toString() {
        return new String(chars, 0, length);
    }

    /** Marks where, among the characters written so far, the body's bytes go (a field's formatter left it out). */
    void markHole(int at) {
        hole = at;
    }

    /**
     * {@link #writeUtf8(OutputStream)} with the body, the UTF-8 bytes of its string, escaped where its formatter left
     * the hole: a body encoded once for both the JSON line and the CSV row, and escaped as bytes (only ASCII bytes are
     * ever escaped, and no byte of a multi-byte character is ASCII). The bytes are the same as writing the body as a
     * string gives.
     *
     * @param body null when the formatter left no hole (a null body)
     * @return how many bytes were written
     */
    public int writeUtf8(OutputStream out, byte[] body, BodyEscape escape) throws IOException {
        if (hole < 0) {
            if (body != null) {
                throw new IllegalStateException("a body was given, but its formatter left no place for it");
            }
            return writeUtf8(out);
        }
        int max = hole * 3 + escape.maxLength(body.length) + (length - hole) * 3;
        if (bytes.length < max) {
            bytes = new byte[Math.max(max, bytes.length * 2)];
        }
        ByteBuffer dst = ByteBuffer.wrap(bytes);
        encode(0, hole, dst);
        dst.position(escape.write(body, bytes, dst.position()));
        encode(hole, length, dst);
        out.write(bytes, 0, dst.position());
        return dst.position();
    }

    private void encode(int from, int to, ByteBuffer dst) {
        encoder.reset();
        CoderResult r = encoder.encode(CharBuffer.wrap(chars, from, to - from), dst, true);
        if (r.isOverflow()) {
            throw new IllegalStateException("UTF-8 of " + (to - from) + " characters did not fit " + dst.remaining() + " bytes");
        }
        encoder.flush(dst);
    }

    /**
     * Writes the UTF-8 bytes of the buffered characters to {@code out}.
     *
     * @return how many bytes were written
     */
    public int writeUtf8(OutputStream out) throws IOException {
        int max = length * 3; // every char of UTF-16 is at most 3 bytes of UTF-8 (a pair: 4 for 2)
        if (bytes.length < max) {
            bytes = new byte[Math.max(max, bytes.length * 2)];
        }
        encoder.reset();
        ByteBuffer dst = ByteBuffer.wrap(bytes);
        CoderResult r = encoder.encode(CharBuffer.wrap(chars, 0, length), dst, true);
        if (r.isOverflow()) {
            throw new IllegalStateException("UTF-8 of " + length + " characters did not fit " + bytes.length + " bytes");
        }
        encoder.flush(dst);
        out.write(bytes, 0, dst.position());
        return dst.position();
    }
}
