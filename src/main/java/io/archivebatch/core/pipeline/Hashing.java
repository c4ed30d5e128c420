package io.archivebatch.core.pipeline;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers. */
public final class Hashing {
    private Hashing() {
    }

    /**
     * SHA-256 of the text's UTF-8 bytes ({@code text.getBytes(UTF_8)}: a lone surrogate is '?'), encoded a chunk at a
     * time into a buffer of the thread: no array of the whole text's bytes (three bytes a char, then trimmed) per call,
     * and no look-up of the algorithm.
     */
    public static String sha256(String text) {
        Sha sha = LOCAL.get();
        MessageDigest md = sha.digest;
        md.reset();
        char[] chars = sha.chars;
        byte[] buf = sha.bytes;
        int n = text.length();
        for (int from = 0; from < n; ) {
            int to = chunkEnd(text, from);
            text.getChars(from, to, chars, 0);
            md.update(buf, 0, encode(chars, to - from, buf, 0));
            from = to;
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A text's UTF-8 bytes (as {@code getBytes(UTF_8)} gives them) and their SHA-256. */
    public record Utf8Sha256(byte[] utf8, String sha256) {
    }

    /**
     * {@link #sha256(String)} with the bytes it hashed kept: the writer puts the body's bytes in both output files
     * instead of encoding it again for each.
     */
    public static Utf8Sha256 utf8AndSha256(String text) {
        return utf8AndSha256(java.util.List.of(text), "\n"); // one part: no separator is written
    }

    /**
     * {@link #utf8AndSha256(String)} of the parts joined by the separator ({@code String.join}), encoded part by part:
     * no string of the whole text is made. The same bytes as the joined string's, since the separator neither starts
     * nor ends with a surrogate: a surrogate alone at a part's end or start is alone beside it too.
     *
     * @throws IllegalArgumentException for an empty separator, or one that starts or ends with a surrogate (a pair
     *                                  could form across it)
     */
    public static Utf8Sha256 utf8AndSha256(java.util.List<String> parts, String separator) {
        if (separator.isEmpty() || Character.isSurrogate(separator.charAt(0))
                || Character.isSurrogate(separator.charAt(separator.length() - 1))) {
            throw new IllegalArgumentException("a separator a surrogate pair could form across: " + separator);
        }
        Sha sha = LOCAL.get();
        long chars = (long) separator.length() * Math.max(0, parts.size() - 1);
        for (String part : parts) {
            chars += part.length();
        }
        byte[] all = sha.whole((int) Math.min(Integer.MAX_VALUE - 8, 3 * chars));
        int p = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                p = encode(separator, sha.chars, all, p);
            }
            p = encode(parts.get(i), sha.chars, all, p);
        }
        MessageDigest md = sha.digest;
        md.reset();
        md.update(all, 0, p);
        return new Utf8Sha256(java.util.Arrays.copyOf(all, p), HexFormat.of().formatHex(md.digest()));
    }

    /** Encodes the text into {@code all} from {@code p}, a chunk at a time through {@code chars}; returns where it ended. */
    private static int encode(String text, char[] chars, byte[] all, int p) {
        int n = text.length();
        for (int from = 0; from < n; ) {
            int to = chunkEnd(text, from);
            text.getChars(from, to, chars, 0);
            p = encode(chars, to - from, all, p);
            from = to;
        }
        return p;
    }

    /** Where the chunk from {@code from} ends: a pair is not split, a high surrogate ends one only if nothing follows. */
    private static int chunkEnd(String text, int from) {
        int to = Math.min(text.length(), from + CHUNK);
        return to < text.length() && Character.isHighSurrogate(text.charAt(to - 1)) ? to - 1 : to;
    }

    /** Encodes {@code chars[0, len)} into {@code buf} from {@code p} (3 bytes a char at most); returns where it ended. */
    private static int encode(char[] chars, int len, byte[] buf, int p) {
        for (int i = 0; i < len; i++) {
            char c = chars[i];
            if (c < 0x80) {
                buf[p++] = (byte) c;
            } else if (c < 0x800) {
                buf[p++] = (byte) (0xC0 | c >> 6);
                buf[p++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                buf[p++] = (byte) (0xE0 | c >> 12);
                buf[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(chars[i + 1])) {
                int cp = Character.toCodePoint(c, chars[++i]);
                buf[p++] = (byte) (0xF0 | cp >> 18);
                buf[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                buf[p++] = '?';
            }
        }
        return p;
    }

    /** Chars encoded at a time: at most 3 bytes each (4 for a pair of 2). */
    private static final int CHUNK = 4096;
    private static final ThreadLocal<Sha> LOCAL = ThreadLocal.withInitial(Sha::new);

    /** A thread's digest and buffers. */
    private static final class Sha {
        final MessageDigest digest = newDigest();
        final char[] chars = new char[CHUNK];
        final byte[] bytes = new byte[3 * CHUNK];
        private byte[] whole = new byte[3 * CHUNK];

        /** A buffer of at least {@code n} bytes for a whole text; one grown past 3 MB is not kept for the next. */
        byte[] whole(int n) {
            if (whole.length >= n) {
                return whole;
            }
            byte[] b = new byte[Math.max(n, 2 * whole.length)];
            if (b.length <= 3 << 20) {
                whole = b;
            }
            return b;
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a file's bytes, streamed. */
    public static String sha256(java.nio.file.Path file) throws java.io.IOException {
        try (java.io.InputStream in = new java.security.DigestInputStream(java.nio.file.Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((java.security.DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
