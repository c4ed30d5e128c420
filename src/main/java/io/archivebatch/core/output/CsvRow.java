package io.archivebatch.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one CSV row exactly as Commons CSV's {@code CSVFormat.RFC4180} with CRLF row ends prints it (its minimal
 * quoting, version 1.14): a field is quoted when it holds a line break, a quote or a comma, begins with a character up
 * to {@code '#'} or ends with one up to a space, or is an empty string as a row's first field; a quote inside is
 * doubled; null is an empty field, not quoted. The tests hold it to Commons CSV's output. Commons CSV asks every
 * character of a field through {@code CharSequence.charAt}, twice for a quoted one: an article's body, the bulk of a
 * row, is searched here with {@link String#indexOf} and copied in runs.
 */
final class CsvRow {

    private final Appendable out;
    private boolean first = true;

    CsvRow(Appendable out) {
        this.out = out;
    }

    /** The next field: null, a string, or anything else as its {@code toString()}. */
    CsvRow field(Object value) {
        try {
            if (!first) {
                out.append(',');
            }
            boolean atStart = first;
            first = false;
            if (value == null) {
                return this;
            }
            String s = value.toString();
            if (!needsQuotes(s, atStart)) {
                out.append(s);
                return this;
            }
            out.append('"');
            int from = 0;
            for (int q = s.indexOf('"'); q >= 0; q = s.indexOf('"', q + 1)) {
                out.append(s, from, q + 1).append('"'); // the quote, then its double
                from = q + 1;
            }
            out.append(s, from, s.length()).append('"');
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Leaves the next field to the {@link RecordBuffer} this row is written into, which puts a value there as bytes
     * ({@link BodyEscape#CSV}); not for a row's first field.
     */
    CsvRow hole(RecordBuffer buffer) {
        if (first) {
            throw new IllegalStateException("a row's first field is quoted by other rules");
        }
        field(null);
        buffer.markHole(buffer.length());
        return this;
    }

    /** Ends the row (CRLF); the next field begins a new one. */
    void end() {
        try {
            out.append("\r\n");
            first = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #needsQuotes(String, boolean)} of a field, not a row's first, given as its UTF-8 bytes. */
    static boolean needsQuotes(byte[] utf8) {
        int n = utf8.length;
        if (n == 0) {
            return false;
        }
        // a character up to '#' or ' ' is ASCII, one byte; a multi-byte character's bytes are all over 0x7F
        if ((utf8[0] & 0xFF) <= '#' || (utf8[n - 1] & 0xFF) <= ' ') {
            return true;
        }
        for (byte b : utf8) {
            if (b == '\n' || b == '\r' || b == '"' || b == ',') {
                return true;
            }
        }
        return false;
    }

    static boolean needsQuotes(String s, boolean firstOfRow) {
        int n = s.length();
        if (n == 0) {
            return firstOfRow;
        }
        return s.charAt(0) <= '#' || s.charAt(n - 1) <= ' '
                || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('"') >= 0 || s.indexOf(',') >= 0;
    }
}
