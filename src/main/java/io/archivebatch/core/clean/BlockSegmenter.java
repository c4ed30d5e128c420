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
        if (normalized.isEmpty()) {
            return new ArrayList<>();
        }
        DocumentWords vocabulary = new DocumentWords(normalized.length(), known);
        return segment(vocabulary.keepText(normalized), normalized.length(), vocabulary);
    }

    /** {@link #segment(String)} of the normalized text in {@code normalized[0, length)} (not kept: copied). */
    public List<Block> segment(char[] normalized, int length) {
        if (length == 0) {
            return new ArrayList<>();
        }
        DocumentWords vocabulary = new DocumentWords(length, known);
        return segment(vocabulary.keepText(normalized, length), length, vocabulary);
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
        DocumentWords vocabulary = vocabulary(normalized.length());
        return segment(vocabulary.keepText(normalized), normalized.length(), vocabulary);
    }

    /**
     * {@link #segmentReusing(String)} of the normalized text in {@code normalized[0, length)} (copied into the
     * vocabulary's array, which its blocks read: no string of the whole text is made).
     */
    public List<Block> segmentReusing(char[] normalized, int length) {
        if (length == 0) {
            return new ArrayList<>();
        }
        DocumentWords vocabulary = vocabulary(length);
        return segment(vocabulary.keepText(normalized, length), length, vocabulary);
    }

    private DocumentWords vocabulary(int length) {
        DocumentWords vocabulary = vocabularies.get();
        if (vocabulary == null) {
            vocabulary = new DocumentWords(length, known);
            vocabularies.set(vocabulary);
        } else {
            vocabulary.reset(length);
        }
        return vocabulary;
    }

    /**
     * Splits the text in {@code chars[0, n)} — the vocabulary's copy, which the blocks read — at blank lines ("\n\n"),
     * dropping blank blocks ({@link String#isBlank}).
     */
    private static List<Block> segment(char[] chars, int n, DocumentWords vocabulary) {
        List<Block> blocks = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && !(chars[end] == '\n' && end + 1 < n && chars[end + 1] == '\n')) {
                end++;
            }
            if (!blank(chars, start, end)) {
                blocks.add(new Block(blocks.size(), new String(chars, start, end - start), vocabulary, chars, start));
            }
            start = end + 2;
        }
        return blocks;
    }

    /**
     * {@link String#isBlank} of {@code chars[from, to)}: white space only ({@link Character#isWhitespace}; no
     * character outside the Basic Multilingual Plane is white space, so the chars are checked one by one).
     */
    private static boolean blank(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }
}
