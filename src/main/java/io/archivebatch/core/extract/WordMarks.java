package io.archivebatch.core.extract;

import io.archivebatch.core.model.Block;
import io.archivebatch.core.text.DocumentWords;
import io.archivebatch.core.text.Stopwords;

import java.util.Arrays;
import java.util.List;

/**
 * The title model's word overlaps (a candidate's words against the body's, the first paragraph's and the next prose
 * blocks') by word number, for a page whose blocks share one {@link DocumentWords}: a mark per word number in an
 * array instead of a {@code HashSet} of strings built per page (its adds and look-ups were a third of the title
 * extractor's time). Each overlap is the share of the candidate's words of 3 characters or more that are not English
 * stopwords found among the others, exactly as {@link TitleExtractor} counts it on sets of strings.
 */
final class WordMarks {

    static final int BODY = 1;
    static final int FIRST_PARAGRAPH = 2;
    /** the English stopword list's bit in the words' stopword masks */
    private static final long ENGLISH = Stopwords.get().bitOf(Stopwords.get().of("en"));

    private final DocumentWords words;
    private byte[] marks = new byte[0];
    /** per word number: 1 + the first of the blocks whose words it was last marked for ({@link #overlapLocal}) */
    private int[] local = new int[0];
    private int localFrom = -1;

    private WordMarks(DocumentWords words) {
        this.words = words;
    }

    /** Marks for the page's blocks, or null when they do not share one vocabulary (then the sets are used). */
    static WordMarks of(List<Block> blocks) {
        if (blocks.isEmpty() || ENGLISH == 0) {
            return null;
        }
        DocumentWords v = blocks.get(0).vocabulary();
        for (Block b : blocks) {
            if (b.vocabulary() != v) {
                return null;
            }
        }
        return new WordMarks(v);
    }

    /**
     * Marks the body's words ({@link #BODY}): those of 3 characters or more among the first 600 tokens of the kept
     * blocks from the body's start, counting whole blocks; and ({@link #FIRST_PARAGRAPH}) those of the kept blocks up
     * to the first of 8 tokens or more.
     */
    void collectBody(DocumentView doc) {
        int taken = 0;
        boolean first = true;
        for (int i = doc.bodyStart(); i < doc.size() && taken < 600; i++) {
            if (!doc.decision(i).keep()) {
                continue;
            }
            int[] ids = doc.blocks().get(i).wordIds();
            int n = Math.min(600, ids.length);
            byte bits = (byte) (first ? BODY | FIRST_PARAGRAPH : BODY);
            grow();
            for (int k = 0; k < n; k++) {
                int id = ids[k];
                taken++;
                if (words.length(id) >= 3) {
                    marks[id] |= bits;
                }
            }
            if (n >= 8) {
                first = false;
            }
        }
    }

    /** The share of the candidate's words (3 characters or more, not English stopwords) marked with this bit. */
    double overlap(int[] candidate, int bit) {
        int n = 0;
        int hit = 0;
        for (int id : candidate) {
            if (counted(id)) {
                n++;
                if (id < marks.length && (marks[id] & bit) != 0) {
                    hit++;
                }
            }
        }
        return n == 0 ? 0 : (double) hit / n;
    }

    /**
     * The share of the candidate's words found among the words (3 characters or more, the first 300 tokens of each)
     * of the four blocks from {@code from} on.
     */
    double overlapLocal(DocumentView doc, int[] candidate, int from) {
        int stamp = from + 1;
        if (localFrom != from) {
            localFrom = from;
            for (int k = from; k < Math.min(doc.size(), from + 4); k++) {
                int[] ids = doc.blocks().get(k).wordIds();
                if (local.length < words.size()) {
                    local = Arrays.copyOf(local, words.size());
                }
                for (int j = 0; j < Math.min(300, ids.length); j++) {
                    if (words.length(ids[j]) >= 3) {
                        local[ids[j]] = stamp;
                    }
                }
            }
        }
        int n = 0;
        int hit = 0;
        for (int id : candidate) {
            if (counted(id)) {
                n++;
                if (id < local.length && local[id] == stamp) {
                    hit++;
                }
            }
        }
        return n == 0 ? 0 : (double) hit / n;
    }

    private boolean counted(int id) {
        return words.length(id) >= 3 && (words.stopwordMask(id) & ENGLISH) == 0;
    }

    private void grow() {
        if (marks.length < words.size()) {
            marks = Arrays.copyOf(marks, words.size());
        }
    }
}
