package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;
import io.archivebatch.core.text.DocumentWords;

import java.util.ArrayList;
import java.util.List;

/** Splits normalized text into blocks at blank lines (the paragraph unit of every scraper dump we have seen). */
public final class BlockSegmenter {

    public List<Block> segment(String normalized) {
        List<Block> blocks = new ArrayList<>();
        if (normalized.isEmpty()) {
            return blocks;
        }
        DocumentWords vocabulary = new DocumentWords(normalized.length());
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
