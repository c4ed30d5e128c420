package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;
import io.archivebatch.core.text.DocumentWords;
import io.archivebatch.core.text.KnownWords;

import java.util.ArrayList;
import java.util.List;

/** Splits normalized text into blocks at blank lines (the paragraph unit of every scraper dump we have seen). */
public final class BlockSegmenter {

    private final KnownWords known;

    /** Blocks whose words are looked up among the stopwords. */
    public BlockSegmenter() {
        this(KnownWords.stopwords());
    }

    /** @param known the words the documents' words are looked up among as they are tokenized */
    public BlockSegmenter(KnownWords known) {
        this.known = known;
    }

    public List<Block> segment(String normalized) {
        return normalized.isEmpty() ? new ArrayList<>() : segment(normalized, new DocumentWords(normalized.length(), known));
    }

    /** Each thread's vocabulary for {@link #segmentReusing}, kept from one document to the next. */
    private final ThreadLocal<DocumentWords> vocabularies = new ThreadLocal<>();

    /**
     * {@link #segment(String)} into blocks whose words go into this thread's vocabulary, emptied first, so that its
     * tables are not allocated, zeroed and grown again for every document: the blocks this thread got before are no
     * longer valid. For a caller that is done with one document's blocks before it asks for the next.
     */
    public List<Block> segmentReusing(String normalized) {
        if (normalized.isEmpty()) {
            return new ArrayList<>();
        }
        DocumentWords vocabulary = vocabularies.get();
        if (vocabulary == null) {
            vocabulary = new DocumentWords(normalized.length(), known);
            vocabularies.set(vocabulary);
        } else {
            vocabulary.reset(normalized.length());
        }
        return segment(normalized, vocabulary);
    }

    private static List<Block> segment(String normalized, DocumentWords vocabulary) {
        List<Block> blocks = new ArrayList<>();
        char[] chars = vocabulary.keepText(normalized); // the blocks' scanners read their chars there
        int start = 0;
        while (start < normalized.length()) {
            int end = normalized.indexOf("\n\n", start);
            if (end < 0) {
                end = normalized.length();
            }
            String text = normalized.substring(start, end);
            if (!text.isBlank()) {
                blocks.add(new Block(blocks.size(), text, vocabulary, chars, start));
            }
            start = end + 2;
        }
        return blocks;
    }
}
