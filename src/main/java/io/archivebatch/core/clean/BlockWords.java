package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;
import io.archivebatch.core.text.DocumentWords;
import io.archivebatch.core.text.KnownWords;
import io.archivebatch.core.text.WordIndex;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * A document's content words by number: each distinct word of the document is looked up once, and each block holds
 * the numbers of its distinct words. The classifier's vocabulary counts, overlaps and lexicon features are then array
 * work instead of a hash lookup per word per block (they were a sixth of the cleaning's time).
 * <p>
 * The lexicon's mean weight is a sum of floats, so its order matters to the last bit: {@link #hashSetOrder} gives a
 * block's words in the order a {@code new HashSet<>(words)} iterates them, the order the model was trained with.
 */
final class BlockWords {

    /** the document's distinct words, by number */
    final String[] words;
    /** their {@link String#hashCode}s (a document's vocabulary has them: no word's hash is computed again) */
    final int[] hashes;
    /** per block, the numbers of its distinct words in the order they first occur */
    final int[][] distinct;
    /** per block, how many content words it has, repeats counted (what sizes its {@code HashSet}) */
    final int[] counts;
    /** the words' numbers among {@link #knownWords} (-1: not one of them), or null when not looked up there */
    final int[] known;
    final KnownWords knownWords;

    private BlockWords(String[] words, int[] hashes, int[][] distinct, int[] counts, int[] known, KnownWords knownWords) {
        this.words = words;
        this.hashes = hashes;
        this.distinct = distinct;
        this.counts = counts;
        this.known = known;
        this.knownWords = knownWords;
    }

    static BlockWords of(List<List<String>> blocks) {
        int total = 0;
        int longest = 0;
        for (List<String> b : blocks) {
            total += b.size();
            longest = Math.max(longest, b.size());
        }
        WordIndex numbers = new WordIndex(total);
        String[] words = new String[total];
        int[] lastBlock = new int[total]; // the last block a word was counted for
        int[] ids = new int[longest];
        int[][] distinct = new int[blocks.size()][];
        int[] counts = new int[blocks.size()];
        int size = 0;
        for (int b = 0; b < blocks.size(); b++) {
            List<String> ws = blocks.get(b);
            counts[b] = ws.size();
            int k = 0;
            for (String w : ws) {
                int id = numbers.add(w);
                if (id == size) {
                    words[size++] = w;
                } else if (lastBlock[id] == b + 1) {
                    continue;
                }
                lastBlock[id] = b + 1;
                ids[k++] = id;
            }
            distinct[b] = Arrays.copyOf(ids, k);
        }
        String[] kept = Arrays.copyOf(words, size);
        int[] hashes = new int[size];
        for (int i = 0; i < size; i++) {
            hashes[i] = kept[i].hashCode();
        }
        return new BlockWords(kept, hashes, distinct, counts, null, null);
    }

    /**
     * {@link #of} the content words of the blocks ({@link BlockModel#contentWords}: the first {@code max} tokens of
     * {@code minLength} chars or more of each block), numbered the same, read from the blocks' word numbers when they
     * share one document's vocabulary: no word is hashed again.
     */
    static BlockWords ofBlocks(List<Block> blocks, int minLength, int max) {
        if (blocks.isEmpty()) {
            return new BlockWords(new String[0], new int[0], new int[0][], new int[0], null, null);
        }
        DocumentWords vocabulary = blocks.get(0).vocabulary();
        int longest = 0;
        for (Block b : blocks) {
            if (b.vocabulary() != vocabulary) {
                return of(BlockModel.contentWords(blocks, minLength, max));
            }
            longest = Math.max(longest, Math.min(max, b.wordIds().length)); // every block tokenized before the size
        }
        // work arrays the thread keeps (only the copies of what was filled are new): the number here + 1 of each
        // word of the document (0 if not met), then by number here its word, hash, known number and last block
        Scratch scratch = SCRATCH.get();
        int v = vocabulary.size();
        int[] local = scratch.local = Scratch.fit(scratch.local, v);
        Arrays.fill(local, 0, v, 0);
        String[] words = scratch.words = scratch.words.length >= v ? scratch.words : new String[v];
        int[] hashes = scratch.hashes = Scratch.fit(scratch.hashes, v);
        int[] known = scratch.known = Scratch.fit(scratch.known, v);
        int[] lastBlock = scratch.lastBlock = Scratch.fit(scratch.lastBlock, v);
        int[] ids = scratch.ids = Scratch.fit(scratch.ids, longest);
        int[][] distinct = new int[blocks.size()][];
        int[] counts = new int[blocks.size()];
        int size = 0;
        for (int b = 0; b < blocks.size(); b++) {
            int count = 0;
            int k = 0;
            for (int word : blocks.get(b).wordIds()) {
                if (vocabulary.length(word) < minLength) {
                    continue;
                }
                count++;
                int id = local[word] - 1;
                if (id < 0) {
                    id = size++;
                    local[word] = id + 1;
                    words[id] = vocabulary.word(word);
                    hashes[id] = vocabulary.hash(word);
                    known[id] = vocabulary.knownId(word);
                    lastBlock[id] = b + 1;
                    ids[k++] = id;
                } else if (lastBlock[id] != b + 1) {
                    lastBlock[id] = b + 1;
                    ids[k++] = id;
                }
                if (count >= max) {
                    break;
                }
            }
            counts[b] = count;
            distinct[b] = Arrays.copyOf(ids, k);
        }
        String[] kept = Arrays.copyOf(words, size);
        Arrays.fill(words, 0, size, null); // the kept array holds no document's strings
        scratch.trim();
        return new BlockWords(kept, Arrays.copyOf(hashes, size), distinct, counts, Arrays.copyOf(known, size),
                vocabulary.known());
    }

    /**
     * Work arrays a thread keeps from one document to the next, for {@link #ofBlocks} and {@link #hashSetOrder}:
     * new ones for every document (and every block) were a tenth of what the cleaning allocated. An array grown past
     * {@value #KEEP} elements is not kept.
     */
    private static final class Scratch {
        static final int KEEP = 1 << 16;

        int[] local = new int[0];
        String[] words = new String[0];
        int[] hashes = new int[0];
        int[] known = new int[0];
        int[] lastBlock = new int[0];
        int[] ids = new int[0];
        int[] all = new int[16];
        int[] perBucket = new int[17];
        int[] buckets = new int[64];
        int[] order = new int[64];

        /** Lets go of the arrays a huge document grew past {@link #KEEP}. */
        void trim() {
            if (local.length > KEEP || words.length > KEEP || ids.length > KEEP) {
                local = hashes = known = lastBlock = ids = new int[0];
                words = new String[0];
            }
        }

        /** {@code a} if it holds {@code n}, else a new array; its content is not kept. */
        static int[] fit(int[] a, int n) {
            return a.length >= n ? a : new int[n <= KEEP ? Math.max(n, Math.min(KEEP, 2 * a.length)) : n];
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The block's first content word, null if it has none (its first distinct word is its first word). */
    String first(int block) {
        int[] ids = distinct[block];
        return ids.length == 0 ? null : words[ids[0]];
    }

    int size() {
        return words.length;
    }

    /** In how many of the given blocks each word occurs. */
    int[] blocksPerWord(boolean[] blocks) {
        int[] n = new int[words.length];
        for (int b = 0; b < distinct.length; b++) {
            if (blocks[b]) {
                for (int id : distinct[b]) {
                    n[id]++;
                }
            }
        }
        return n;
    }

    /**
     * The block's distinct words that {@code known} holds, in the order {@code new HashSet<>(its words)} iterates them:
     * by bucket of a table of the capacity that constructor chooses, in order of insertion within a bucket. Null when
     * a bucket would hold 8 words or more (then {@code HashMap} may resize or turn the bucket into a tree, so the order
     * is not this).
     */
    int[] hashSetOrder(int block, java.util.function.IntPredicate known) {
        int[] into = new int[distinct[block].length];
        int n = hashSetOrder(block, known, into);
        return n < 0 ? null : Arrays.copyOf(into, n);
    }

    /**
     * {@link #hashSetOrder(int, java.util.function.IntPredicate)} into {@code into[0..n)} (as long as the block's
     * distinct words at least): n, or -1 for null. Its work arrays are this object's, kept from block to block.
     */
    int hashSetOrder(int block, java.util.function.IntPredicate known, int[] into) {
        int[] ids = distinct[block];
        int capacity = tableSizeFor(Math.max((int) (counts[block] / .75f) + 1, 16));
        Scratch scratch = this.scratch;
        if (scratch.all.length < capacity) {
            scratch.all = new int[capacity];
            scratch.perBucket = new int[capacity + 1];
        } else {
            Arrays.fill(scratch.all, 0, capacity, 0);
            Arrays.fill(scratch.perBucket, 0, capacity + 1, 0);
        }
        scratch.buckets = Scratch.fit(scratch.buckets, ids.length);
        int[] perBucket = scratch.perBucket; // the known words per bucket, then where each bucket's begin
        int[] buckets = scratch.buckets;
        int[] all = scratch.all;
        int n = 0;
        for (int k = 0; k < ids.length; k++) {
            int h = hashes[ids[k]];
            int bucket = (h ^ (h >>> 16)) & (capacity - 1);
            if (++all[bucket] >= 8) {
                return -1;
            }
            if (known.test(ids[k])) {
                buckets[k] = bucket;
                perBucket[bucket + 1]++;
                n++;
            } else {
                buckets[k] = -1;
            }
        }
        // by bucket, in order of insertion within one: a counting sort (the buckets' starts from their counts)
        for (int b = 0; b < capacity; b++) {
            perBucket[b + 1] += perBucket[b];
        }
        for (int k = 0; k < ids.length; k++) {
            int b = buckets[k];
            if (b >= 0) {
                into[perBucket[b]++] = ids[k];
            }
        }
        return n;
    }

    /** the work arrays of the thread that made this (one document is cleaned by one thread) */
    private final Scratch scratch = SCRATCH.get();

    /** An array for {@link #hashSetOrder(int, java.util.function.IntPredicate, int[])} of the block, kept. */
    int[] orderArray(int block) {
        return scratch.order = Scratch.fit(scratch.order, distinct[block].length);
    }

    /** The block's distinct words as the {@code HashSet} they stand for. */
    java.util.Set<String> asSet(int block) {
        java.util.Set<String> set = new HashSet<>(Math.max((int) (counts[block] / .75f) + 1, 16));
        for (int id : distinct[block]) {
            set.add(words[id]);
        }
        return set;
    }

    /** {@code HashMap.tableSizeFor}: the power of two at least {@code n}. */
    private static int tableSizeFor(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
