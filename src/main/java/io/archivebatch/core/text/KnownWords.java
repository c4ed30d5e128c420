package io.archivebatch.core.text;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The words the cleaning knows something about — every stopword list's words and a classifier lexicon's — in one
 * table looked up by the characters a tokenizer has just scanned ({@link #find(char[], int, int)}): a document word
 * is looked up once, before any {@code String} is made of it, and a known word's {@code String} is this table's.
 * Its stopword mask and its number (for the lexicon's weights, {@link #find}) come from the same probe, where they
 * were two look-ups by string, each comparing strings. Immutable; shared by threads.
 */
public final class KnownWords {

    private static final KnownWords STOPWORDS = of(Stopwords.get(), Set.of());

    /** the longest word the table holds, in chars (a length takes {@value #LENGTH_BITS} bits of a slot) */
    private static final int LENGTH_BITS = 12;
    private static final int MAX_LENGTH = (1 << LENGTH_BITS) - 1;

    private final char[] pool;
    private final int[] starts;
    private final String[] strings;
    private final long[] masks;
    /**
     * open addressing: in each slot the word's hash (high 32 bits), its length and its number + 1 (0 for an empty
     * slot), so that a probe reads one array until the hash and the length agree
     */
    private final long[] slots;
    private final int slotMask;
    /** a bit per 16-bit hash of the words: most of a page's words are unknown, and for them one bit answers */
    private final long[] hashBits = new long[1 << 16 >> 6];

    private KnownWords(String[] words, long[] masks) {
        this.strings = words;
        this.masks = masks;
        this.starts = new int[words.length + 1];
        int chars = 0;
        for (String w : words) {
            if (w.length() > MAX_LENGTH || w.isEmpty()) {
                throw new IllegalArgumentException("not a word for the table: " + w);
            }
            chars += w.length();
        }
        if (words.length >= 1 << (32 - LENGTH_BITS)) {
            throw new IllegalArgumentException("too many words: " + words.length);
        }
        this.pool = new char[chars];
        // at most three quarters full: a smaller table than at half (the shipped one 128 KB instead of 256) stays
        // more in the cache, and its probes were 10% cheaper
        this.slots = new long[Integer.highestOneBit(Math.max(8, words.length * 4 / 3) - 1) << 1];
        this.slotMask = slots.length - 1;
        int at = 0;
        for (int id = 0; id < words.length; id++) {
            String w = words[id];
            w.getChars(0, w.length(), pool, at);
            starts[id] = at;
            at += w.length();
            int h = w.hashCode();
            int s = slot(h);
            while (slots[s] != 0) {
                s = (s + 1) & slotMask;
            }
            slots[s] = entry(h, w.length(), id);
            int b = hash16(h);
            hashBits[b >>> 6] |= 1L << b;
        }
        starts[words.length] = at;
    }

    /** The stopword lists' words, and these ones (lowercase tokens, as {@link Tokens#words} makes them). */
    public static KnownWords of(Stopwords stopwords, Collection<String> extra) {
        Set<String> all = new LinkedHashSet<>();
        for (String language : stopwords.languages()) {
            all.addAll(stopwords.of(language));
        }
        all.addAll(extra);
        String[] words = all.toArray(String[]::new);
        long[] masks = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            masks[i] = stopwords.maskOf(words[i]);
        }
        return new KnownWords(words, masks);
    }

    /** The stopword lists' words only. */
    public static KnownWords stopwords() {
        return STOPWORDS;
    }

    /** How many words: their numbers are 0 to this, excluded. */
    public int size() {
        return strings.length;
    }

    /**
     * The number of the word in {@code w[0..len)}, whose {@link String#hashCode} is {@code hash}, or -1 when it is
     * not known.
     */
    public int find(char[] w, int len, int hash) {
        int b = hash16(hash);
        if ((hashBits[b >>> 6] & (1L << b)) == 0 || len > MAX_LENGTH) {
            return -1;
        }
        long key = entry(hash, len, -1) & ~ID_MASK;
        for (int s = slot(hash); ; s = (s + 1) & slotMask) {
            long e = slots[s];
            if (e == 0) {
                return -1;
            }
            if ((e & ~ID_MASK) == key) {
                int id = (int) (e & ID_MASK) - 1;
                if (same(pool, starts[id], w, len)) {
                    return id;
                }
            }
        }
    }

    private static final long ID_MASK = (1L << (32 - LENGTH_BITS)) - 1;

    private static long entry(int hash, int len, int id) {
        return (long) hash << 32 | (long) len << (32 - LENGTH_BITS) | ((id + 1) & ID_MASK);
    }

    private static boolean same(char[] pool, int from, char[] w, int len) {
        for (int k = 0; k < len; k++) {
            if (pool[from + k] != w[k]) {
                return false;
            }
        }
        return true;
    }

    /** {@link #find(char[], int, int)} of a word given as a string. */
    public int find(String word) {
        return find(word.toCharArray(), word.length(), word.hashCode());
    }

    /** The word of this number. */
    public String word(int id) {
        return strings[id];
    }

    /** {@link Stopwords#maskOf} the word of this number. */
    public long stopwordMask(int id) {
        return masks[id];
    }

    private int slot(int h) {
        return (h ^ (h >>> 16)) & slotMask;
    }

    private static int hash16(int h) {
        return (h ^ (h >>> 16)) & 0xFFFF;
    }
}
