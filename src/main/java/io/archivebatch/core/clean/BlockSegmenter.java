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
        List<Block> blocks = new ArrayList<>();
        if (normalized.isEmpty()) {
            return blocks;
        }
        DocumentWords vocabulary = new DocumentWords(normalized.length(), known);
        int start = 0;
        while (start < normalized.length()) {
            int end = normalized.indexOf("\n\n", start);
            if (end < 0) {
                end = normalized.length();
            }
            String text = normalized.substring(start, end);
            if (!text.isBlank()) {
                blocks.add(new Block(blocks.size(), text, vocabulary));
            }
            start = end + 2;
        }
        return blocks;
    }
}
