package io.archivebatch.core.text;

/**
 * Numbers distinct words 0, 1, 2… in the order they are added: an open-addressing table of the words and their
 * numbers, no entry objects and no boxed numbers. A look-up is the word's (cached) hash, one or two array slots and
 * {@link String#equals}; callers keep what they know of each word in arrays indexed by its number. Where the cleaning
 * looked words up in a {@code HashMap} (the stopword lists, the block lexicon, a document's words) this is what it
 * uses instead. Not thread-safe while words are added; a filled index that is no longer changed may be shared.
 */
public final class WordIndex {

    private String[] keys;
    private int[] numbers;
    private int mask;
    private int size;

    /** @param expected how many words will be added: the table is sized for them at most half full */
    public WordIndex(int expected) {
        int slots = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
        keys = new String[slots];
        numbers = new int[slots];
        mask = slots - 1;
    }

    /** How many distinct words were added. */
    public int size() {
        return size;
    }

    /** The word's number, or -1 when it was never added. */
    public int get(String word) {
        return get(word, word.hashCode());
    }

    /**
     * {@link #get(String)} with the word's {@link String#hashCode} already known (a {@link DocumentWords} computes it as
     * it scans the word): the new string's own hash is then never computed.
     */
    public int get(String word, int hash) {
        for (int i = slot(hash); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(word)) {
                return numbers[i];
            }
        }
    }

    /** The word's number: the one it was given, or the next one ({@link #size()} before the call) if it is new. */
    public int add(String word) {
        int h = word.hashCode();
        for (int i = slot(h); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                keys[i] = word;
                numbers[i] = size;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return size - 1;
            }
            if (k.equals(word)) {
                return numbers[i];
            }
        }
    }

    private int slot(int h) {
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldNumbers = numbers;
        keys = new String[oldKeys.length * 2];
        numbers = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            String k = oldKeys[j];
            if (k != null) {
                int i = slot(k.hashCode());
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                numbers[i] = oldNumbers[j];
            }
        }
    }
}
