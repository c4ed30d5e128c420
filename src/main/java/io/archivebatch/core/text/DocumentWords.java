package io.archivebatch.core.text;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The distinct word tokens of one document, numbered 0, 1, 2… as first met, each with its stopword languages. The
 * document's blocks are tokenized into these numbers ({@link #tokenize}): a token is scanned and its hash computed in
 * the same pass, then looked up among the document's words by that hash and its characters, so that a word repeated
 * in the document becomes one {@code String} and one stopword look-up, not one per occurrence (tokenizing into a
 * {@code String} per token and looking each up in the stopword table was a quarter of the cleaning's time).
 * <p>
 * The tokens are exactly those of {@link Tokens#words(String)}. Not thread-safe: one document is cleaned by one thread.
 */
public final class DocumentWords {

    private final KnownWords known;
    /** the characters of every distinct word, one after another */
    private char[] pool;
    private int poolSize;
    /** by number: where the word starts in the pool, its length, its hash ({@link String#hashCode}) */
    private int[] starts;
    private int[] lengths;
    private int[] hashes;
    private String[] strings;
    private long[] masks;
    /** by number: the word's number among the {@link KnownWords}, -1 if it is not one of them */
    private int[] knownIds;
    private int size;
    /** open addressing: number + 1 of the word in each slot, 0 for an empty slot */
    private int[] slots;
    private int slotMask;

    /** @param expectedChars about how many characters the document has (sizes the tables; they grow as needed) */
    public DocumentWords(int expectedChars) {
        this(expectedChars, KnownWords.stopwords());
    }

    /**
     * @param expectedChars about how many characters the document has (sizes the tables; they grow as needed)
     * @param known         the words each new word is looked up among (its stopword mask, {@link #knownId})
     */
    public DocumentWords(int expectedChars, KnownWords known) {
        this.known = known;
        // Tehran Times pages: one distinct word in 8 to 15 chars (11 for the median page), so most of these tables
        // grow once (a table that grows copies and drops its arrays); sized for a word in 9 chars, fewer grew but
        // zeroing the larger arrays cost more (README, round 13)
        allocate(Math.max(16, expectedChars / 16));
    }

    private void allocate(int words) {
        pool = new char[words * 8];
        starts = new int[words];
        lengths = new int[words];
        hashes = new int[words];
        strings = new String[words];
        masks = new long[words];
        knownIds = new int[words];
        slots = new int[Integer.highestOneBit(words * 2 - 1) << 1];
        slotMask = slots.length - 1;
    }

    /** The document's text, for its blocks' scanners ({@link #keepText}); kept from one document to the next. */
    private char[] text = new char[0];

    /**
     * The chars of the document's text, in an array this vocabulary keeps until its next {@link #reset}: its blocks
     * read their chars there instead of each copying its own.
     */
    public char[] keepText(String documentText) {
        int n = documentText.length();
        char[] t = textArray(n);
        documentText.getChars(0, n, t, 0);
        return t;
    }

    /** {@link #keepText(String)} of the text in {@code chars[0, length)} (copied: the caller may reuse its array). */
    public char[] keepText(char[] chars, int length) {
        char[] t = textArray(length);
        System.arraycopy(chars, 0, t, 0, length);
        return t;
    }

    private char[] textArray(int n) {
        char[] t = text.length >= n ? text : new char[n];
        if (n <= KEEP_CHARS) {
            text = t;
        }
        return t;
    }

    /** Words a vocabulary kept for the next document ({@link #reset}) may hold before its tables are let go. */
    private static final int KEEP_WORDS = 1 << 15;
    /** The longest text whose array a vocabulary keeps for the next document. */
    private static final int KEEP_CHARS = 1 << 19;

    /**
     * Empties this vocabulary for another document, keeping its tables (the numbers, words and blocks of the last
     * document are no longer valid). Tables grown past {@value #KEEP_WORDS} words are replaced by new ones.
     *
     * @param expectedChars about how many characters the next document has
     */
    public void reset(int expectedChars) {
        int words = Math.max(16, expectedChars / 16);
        if (starts.length > KEEP_WORDS) {
            allocate(words);
        } else {
            int want = Integer.highestOneBit(Math.min(words, KEEP_WORDS) * 2 - 1) << 1;
            if (slots.length < want || slots.length > 4 * want) {
                slots = new int[want];
                slotMask = want - 1;
            } else {
                java.util.Arrays.fill(slots, 0);
            }
        }
        size = 0;
        poolSize = 0;
    }

    /** How many distinct words were met. */
    public int size() {
        return size;
    }

    /** The word of this number, lowercase. */
    public String word(int id) {
        return strings[id];
    }

    /** Its length in chars. */
    public int length(int id) {
        return lengths[id];
    }

    /** The word's {@link String#hashCode}, computed as the tokenizer scanned it. */
    public int hash(int id) {
        return hashes[id];
    }

    /** {@link Stopwords#maskOf} the word: the languages whose stopword list holds it. */
    public long stopwordMask(int id) {
        return masks[id];
    }

    /** The words each word was looked up among. */
    public KnownWords known() {
        return known;
    }

    /** The word's number among {@link #known()}, -1 when it is not one of them. */
    public int knownId(int id) {
        return knownIds[id];
    }

    /** The tokens of the text ({@link Tokens#words(String)}) as the numbers of their words. */
    public int[] tokenize(String text) {
        return tokenize(text.toCharArray());
    }

    /**
     * {@link #tokenize(String)} of the text in these chars (not modified). The scanner is {@link Tokens#words}'s,
     * with the hash computed as the chars come and the token looked up where that one makes a string: the same scan
     * shared through a callback per token was 3-5% slower on the whole cleaning (alternated passes).
     */
    public int[] tokenize(char[] t) {
        return tokenize(t, 0, t.length);
    }

    /** {@link #tokenize(char[])} of the chars {@code t[from, to)}. */
    public int[] tokenize(char[] t, int from, int to) {
        int n = to;
        int[] out = tokenScratch;
        int count = 0;
        char[] w = wordScratch;
        int len = 0;
        int h = 0;
        int i = from;
        while (i < n) {
            char c = t[i];
            int f = CharTable.flags(c);
            boolean inToken;
            if ((f & CharTable.HIGH_SURROGATE) != 0 && CharTable.pairAt(t, i, n)) {
                int cp = Character.toCodePoint(c, t[i + 1]);
                inToken = Tokens.isWordChar(cp);
                if (inToken) {
                    if (len + 2 > w.length) {
                        w = Arrays.copyOf(w, w.length * 2);
                    }
                    int added = Character.toChars(Character.toLowerCase(cp), w, len);
                    for (int k = len; k < len + added; k++) {
                        h = 31 * h + w[k];
                    }
                    len += added;
                }
                i += 2;
            } else {
                inToken = (f & CharTable.TOKEN) != 0;
                if (inToken) {
                    if (len == w.length) {
                        w = Arrays.copyOf(w, len * 2);
                    }
                    char l = CharTable.lower(c);
                    w[len++] = l;
                    h = 31 * h + l;
                }
                i++;
            }
            if (!inToken && len > 0 || i >= n && len > 0) { // a token ends, or the text does inside one
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = add(w, len, h);
                len = 0;
                h = 0;
            }
        }
        if (out.length <= KEEP_WORDS) { // a huge block's array is not kept
            tokenScratch = out;
        }
        wordScratch = w.length <= 1024 ? w : wordScratch;
        return Arrays.copyOf(out, count);
    }

    /** tokenize's work arrays: the tokens of a block, the chars of a token */
    private int[] tokenScratch = new int[256];
    private char[] wordScratch = new char[32];

    /** The number of the word in {@code w[0..len)} whose {@link String#hashCode} is {@code h}; added if new. */
    private int add(char[] w, int len, int h) {
        for (int s = (h ^ (h >>> 16)) & slotMask; ; s = (s + 1) & slotMask) {
            int e = slots[s];
            if (e == 0) {
                int id = size;
                store(w, len, h);
                slots[s] = id + 1;
                if (size * 2 > slots.length) {
                    rehash();
                }
                return id;
            }
            int id = e - 1;
            if (hashes[id] == h && lengths[id] == len && same(pool, starts[id], w, len)) {
                return id;
            }
        }
    }

    private static boolean same(char[] pool, int from, char[] w, int len) {
        for (int k = 0; k < len; k++) {
            if (pool[from + k] != w[k]) {
                return false;
            }
        }
        return true;
    }

    private void store(char[] w, int len, int h) {
        if (size == starts.length) {
            int cap = size * 2;
            starts = Arrays.copyOf(starts, cap);
            lengths = Arrays.copyOf(lengths, cap);
            hashes = Arrays.copyOf(hashes, cap);
            strings = Arrays.copyOf(strings, cap);
            masks = Arrays.copyOf(masks, cap);
            knownIds = Arrays.copyOf(knownIds, cap);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(w, 0, pool, poolSize, len);
        int k = known.find(w, len, h); // before a string is made: a known word's is the table's
        starts[size] = poolSize;
        lengths[size] = len;
        hashes[size] = h;
        strings[size] = k >= 0 ? known.word(k) : new String(w, 0, len);
        masks[size] = k >= 0 ? known.stopwordMask(k) : 0;
        knownIds[size] = k;
        poolSize += len;
        size++;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        slotMask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int h = hashes[id];
            int s = (h ^ (h >>> 16)) & slotMask;
            while (slots[s] != 0) {
                s = (s + 1) & slotMask;
            }
            slots[s] = id + 1;
        }
    }

    /** The words of these numbers, as an unmodifiable list (a view: nothing is copied). */
    public List<String> words(int[] ids) {
        return new Words(this, ids);
    }

    private static final class Words extends AbstractList<String> implements RandomAccess {
        private final DocumentWords vocabulary;
        private final int[] ids;

        Words(DocumentWords vocabulary, int[] ids) {
            this.vocabulary = vocabulary;
            this.ids = ids;
        }

        @Override
        public String get(int index) {
            return vocabulary.strings[ids[index]];
        }

        @Override
        public int size() {
            return ids.length;
        }
    }
}
