package io.archivebatch.core.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * Exact duplicates by body hash: the first article with a given {@code content_sha256} is the original; later ones
 * get {@code duplicate_of} = its id. Held as primitive arrays — 128 bits of the hash and the 64-bit id, about 50
 * bytes an article with the table's slack — so ten million articles fit in half a gigabyte, where a map of strings
 * would take several. (Two different bodies share 128 hash bits with a probability of about n²/2¹²⁹.) Ids or hashes
 * that are not the usual hex strings go to a plain map.
 */
public final class DuplicateIndex {

    private long[] hashHigh = new long[1 << 12];
    private long[] hashLow = new long[1 << 12];
    private long[] ids = new long[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;
    private final Map<String, String> others = new HashMap<>();

    /** Records the article; answers the id of an earlier article with the same body, or null if it is the first. */
    public String register(String contentSha256, String id) {
        if (contentSha256 == null || contentSha256.length() < 32 || id == null || id.length() != 16
                || !hex(contentSha256, 32) || !hex(id, 16)) {
            String first = others.putIfAbsent(String.valueOf(contentSha256), id);
            return first == null || first.equals(id) ? null : first;
        }
        long hi = Long.parseUnsignedLong(contentSha256, 0, 16, 16);
        long lo = Long.parseUnsignedLong(contentSha256, 16, 32, 16);
        long value = Long.parseUnsignedLong(id, 16);
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        int mask = used.length - 1;
        int i = (int) mix(hi ^ lo) & mask;
        while (used[i]) {
            if (hashHigh[i] == hi && hashLow[i] == lo) {
                return ids[i] == value ? null : String.format("%016x", ids[i]);
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        hashHigh[i] = hi;
        hashLow[i] = lo;
        ids[i] = value;
        size++;
        return null;
    }

    public int size() {
        return size + others.size();
    }

    private void grow() {
        long[] h = hashHigh;
        long[] l = hashLow;
        long[] v = ids;
        boolean[] u = used;
        int cap = u.length * 2;
        hashHigh = new long[cap];
        hashLow = new long[cap];
        ids = new long[cap];
        used = new boolean[cap];
        int mask = cap - 1;
        for (int k = 0; k < u.length; k++) {
            if (u[k]) {
                int i = (int) mix(h[k] ^ l[k]) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                hashHigh[i] = h[k];
                hashLow[i] = l[k];
                ids[i] = v[k];
            }
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    private static boolean hex(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
