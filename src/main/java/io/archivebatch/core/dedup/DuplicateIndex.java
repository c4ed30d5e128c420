package io.archivebatch.core.dedup;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Exact duplicates by body hash: the first article with a given {@code content_sha256} is the original; later ones
 * get {@code duplicate_of} = its id. Held as primitive arrays — 128 bits of the hash and the 64-bit id, about 50
 * bytes an article with the table's slack — so ten million articles fit in half a gigabyte, where a map of strings
 * would take several. (Two different bodies share 128 hash bits with a probability of about n²/2¹²⁹.) Ids or hashes
 * that are not the usual hex strings go to a plain map.
 */
public final class DuplicateIndex {

    /**
     * Open addressing, a slot of three longs in one array (high and low 64 bits of the hash, the id) and a bit per
     * slot for "taken" (an eighth of a megabyte a million slots, held in a core's cache): a probe touches one slot's
     * cache line, where a separate array for each field made four misses on a table of some 25 MB.
     */
    private static final int SLOT = 3;
    private long[] table = new long[(1 << 12) * SLOT];
    private long[] taken = new long[(1 << 12) >> 6];
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
        if ((size + 1) * 2 > table.length / SLOT) {
            grow();
        }
        long[] t = table;
        long[] used = taken;
        int mask = t.length / SLOT - 1;
        int i = (int) mix(hi ^ lo) & mask;
        while ((used[i >>> 6] & (1L << i)) != 0) {
            int at = i * SLOT;
            if (t[at] == hi && t[at + 1] == lo) {
                return t[at + 2] == value ? null : HexFormat.of().toHexDigits(t[at + 2]);
            }
            i = (i + 1) & mask;
        }
        put(t, used, i, hi, lo, value);
        size++;
        return null;
    }

    public int size() {
        return size + others.size();
    }

    private static void put(long[] t, long[] used, int slot, long hi, long lo, long value) {
        int at = slot * SLOT;
        t[at] = hi;
        t[at + 1] = lo;
        t[at + 2] = value;
        used[slot >>> 6] |= 1L << slot;
    }

    private void grow() {
        long[] old = table;
        long[] oldUsed = taken;
        int slots = old.length / SLOT * 2;
        long[] t = new long[slots * SLOT];
        long[] used = new long[Math.max(1, slots >> 6)];
        int mask = slots - 1;
        for (int k = 0; k < old.length / SLOT; k++) {
            if ((oldUsed[k >>> 6] & (1L << k)) != 0) {
                int at = k * SLOT;
                int i = (int) mix(old[at] ^ old[at + 1]) & mask;
                while ((used[i >>> 6] & (1L << i)) != 0) {
                    i = (i + 1) & mask;
                }
                put(t, used, i, old[at], old[at + 1], old[at + 2]);
            }
        }
        table = t;
        taken = used;
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
