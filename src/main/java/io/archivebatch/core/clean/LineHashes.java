package io.archivebatch.core.clean;

import java.util.Collection;

/**
 * A site's chrome line hashes as a set of {@code long}s in an open-addressing table: a line and each of its tails is
 * looked up without boxing its hash into a {@code Long} and without a {@code HashMap} node per hash. Immutable.
 */
public final class LineHashes {

    public static final LineHashes EMPTY = of(java.util.List.of());

    private final long[] slots;
    private final int mask;
    private final boolean zero; // 0 marks an empty slot: a hash of 0 is held here
    private final int size;

    private LineHashes(long[] slots, boolean zero, int size) {
        this.slots = slots;
        this.mask = slots.length - 1;
        this.zero = zero;
        this.size = size;
    }

    public static LineHashes of(Collection<Long> hashes) {
        long[] slots = new long[Math.max(8, Integer.highestOneBit(Math.max(1, hashes.size()) * 2 - 1) << 1)];
        int mask = slots.length - 1;
        boolean zero = false;
        int size = 0;
        for (long h : hashes) {
            if (h == 0) {
                size += zero ? 0 : 1;
                zero = true;
                continue;
            }
            int s = slot(h, mask);
            while (slots[s] != 0 && slots[s] != h) {
                s = (s + 1) & mask;
            }
            if (slots[s] == 0) {
                slots[s] = h;
                size++;
            }
        }
        return new LineHashes(slots, zero, size);
    }

    private static int slot(long h, int mask) {
        return (int) (h ^ (h >>> 32)) & mask;
    }

    public boolean contains(long h) {
        if (h == 0) {
            return zero;
        }
        for (int s = slot(h, mask); ; s = (s + 1) & mask) {
            long e = slots[s];
            if (e == h) {
                return true;
            }
            if (e == 0) {
                return false;
            }
        }
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
