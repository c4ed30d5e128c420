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

    /**
     * {@link #segment(String)} into blocks whose words go into this vocabulary, emptied first: the blocks of the
     * document it held before are no longer valid. For a caller that is done with one document before the next.
     */
    public List<Block> segment(String normalized, ThreadLocal<DocumentWords> reused) {
        List<Block> blocks = new ArrayList<>();
        if (normalized.isEmpty()) {
            return blocks;
        }
        DocumentWords vocabulary = reused.get();
        if (vocabulary == null || vocabulary.known() != known) {
            vocabulary = new DocumentWords(normalized.length(), known);
            reused.set(vocabulary);
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
