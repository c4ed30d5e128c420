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
        int p = 0;
        for (int from = 0; from < n; ) {
            int to = Math.min(n, from + CHUNK);
            if (to < n && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--; // a pair is not split between two chunks: a high surrogate ends one only if nothing follows
            }
            text.getChars(from, to, chars, 0);
            int len = to - from;
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
            md.update(buf, 0, p);
            p = 0;
            from = to;
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Chars encoded at a time: at most 3 bytes each (4 for a pair of 2). */
    private static final int CHUNK = 4096;
    private static final ThreadLocal<Sha> LOCAL = ThreadLocal.withInitial(Sha::new);

    /** A thread's digest and buffers. */
    private static final class Sha {
        final MessageDigest digest = newDigest();
        final char[] chars = new char[CHUNK];
        final byte[] bytes = new byte[3 * CHUNK];
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
