package io.archivebatch.core.output;

import java.nio.charset.StandardCharsets;

/**
 * How a body given as UTF-8 bytes is written into its field ({@link RecordBuffer#writeUtf8(java.io.OutputStream, byte[],
 * BodyEscape)}): as a JSON string's content, or as a CSV field. Only ASCII bytes are ever escaped, and no byte of a
 * multi-byte character is ASCII, so escaping the bytes gives the bytes of the escaped string.
 */
public enum BodyEscape {
    /** as Jackson escapes a string: a quote, a backslash and a control character (short forms where JSON has one) */
    JSON {
        @Override
        int maxLength(int n) {
            return 6 * n;
        }

        @Override
        int write(byte[] src, byte[] dst, int at) {
            int p = at;
            int from = 0;
            int n = src.length;
            for (int i = 0; i < n; ) {
                // eight bytes at a time past those that need no escape (most of a body), then byte by byte
                while (i + 8 <= n && !jsonEscapeIn((long) LONGS.get(src, i))) {
                    i += 8;
                }
                for (int end = Math.min(n, i + 8); i < end; i++) {
                    byte b = src[i];
                    if (b < 0 || JSON_PLAIN[b]) { // every byte of a multi-byte character is negative
                        continue;
                    }
                    System.arraycopy(src, from, dst, p, i - from); // the run before it, as it is
                    p += i - from;
                    from = i + 1;
                    dst[p++] = '\\';
                    switch (b) {
                        case '"', '\\' -> dst[p++] = b;
                        case '\b' -> dst[p++] = 'b';
                        case '\t' -> dst[p++] = 't';
                        case '\n' -> dst[p++] = 'n';
                        case '\f' -> dst[p++] = 'f';
                        case '\r' -> dst[p++] = 'r';
                        default -> {
                            dst[p++] = 'u';
                            dst[p++] = '0';
                            dst[p++] = '0';
                            dst[p++] = HEX[b >> 4];
                            dst[p++] = HEX[b & 0xF];
                        }
                    }
                }
            }
            System.arraycopy(src, from, dst, p, n - from);
            return p + n - from;
        }
    },
    /** as {@link CsvRow} writes a field that is not a row's first: quoted when needed, a quote inside doubled */
    CSV {
        @Override
        int maxLength(int n) {
            return 2 * n + 2;
        }

        @Override
        int write(byte[] src, byte[] dst, int at) {
            if (!CsvRow.needsQuotes(src)) {
                System.arraycopy(src, 0, dst, at, src.length);
                return at + src.length;
            }
            int p = at;
            dst[p++] = '"';
            int from = 0;
            int n = src.length;
            for (int i = 0; i < n; ) {
                while (i + 8 <= n && !hasByte((long) LONGS.get(src, i), QUOTES)) {
                    i += 8;
                }
                for (int end = Math.min(n, i + 8); i < end; i++) {
                    if (src[i] == '"') {
                        System.arraycopy(src, from, dst, p, i + 1 - from); // the run and the quote, then its double
                        p += i + 1 - from;
                        dst[p++] = '"';
                        from = i + 1;
                    }
                }
            }
            System.arraycopy(src, from, dst, p, src.length - from);
            p += src.length - from;
            dst[p++] = '"';
            return p;
        }
    };

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';

    /** Whether one of the eight bytes is {@code v}'s (each byte of {@code v} the same); exact, borrows or not. */
    static boolean hasByte(long x, long v) {
        long y = x ^ v;
        return ((y - ONES) & ~y & HIGHS) != 0;
    }

    /** Whether one of the eight bytes is one a JSON string escapes: under 0x20, a quote or a backslash. */
    static boolean jsonEscapeIn(long x) {
        // a byte under 0x20: (x - 0x20 each) & ~x & 0x80 each, nonzero exactly when one is (bytes from 0x80 on,
        // those of multi-byte characters, have their high bit set and are not counted)
        return ((x - ONES * 0x20) & ~x & HIGHS) != 0 || hasByte(x, QUOTES) || hasByte(x, BACKSLASHES);
    }

    /** the ASCII characters a JSON string holds as they are */
    private static final boolean[] JSON_PLAIN = new boolean[128];

    static {
        for (int c = 0x20; c < 128; c++) {
            JSON_PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** At most how many bytes {@code n} bytes become. */
    abstract int maxLength(int n);

    /** Writes {@code src} escaped into {@code dst} from {@code at}; returns where it ended. */
    abstract int write(byte[] src, byte[] dst, int at);
}
