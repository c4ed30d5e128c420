package io.archivebatch.core.model;

import io.archivebatch.core.text.DocumentWords;
import io.archivebatch.core.text.Tokens;

import java.util.List;
import java.util.Objects;

/**
 * A block of a normalized document: the lines between two blank lines. Its word tokens are computed once, when first
 * asked for: the cleaner's features, the language detector and the extractors all read them. They are numbers of the
 * document's {@link DocumentWords}, shared by its blocks, so that each distinct word is one string and one stopword
 * look-up per document.
 * (A class rather than a record only for that cache; equality is by index and text.)
 */
public final class Block {

    private final int index;
    private final String text;
    private final DocumentWords vocabulary;
    private char[] chars;
    private int charsFrom;
    private int[] wordIds;
    private List<String> words;
    private int wordCount = -1;

    /**
     * @param index position in the document, from 0
     * @param text  the block's lines joined with a newline
     */
    public Block(int index, String text) {
        this(index, text, new DocumentWords(text.length()));
    }

    /**
     * @param index      position in the document, from 0
     * @param text       the block's lines joined with a newline
     * @param vocabulary the words of the block's document, shared by its blocks
     */
    public Block(int index, String text, DocumentWords vocabulary) {
        this(index, text, vocabulary, null, 0);
    }

    /**
     * A block whose chars are read from its document's array: {@code documentChars[from, from + text.length())} holds
     * the text (for the scanners; not copied, not modified).
     */
    public Block(int index, String text, DocumentWords vocabulary, char[] documentChars, int from) {
        this.index = index;
        this.text = Objects.requireNonNull(text);
        this.vocabulary = Objects.requireNonNull(vocabulary);
        this.chars = documentChars;
        this.charsFrom = documentChars == null ? 0 : from;
    }

    public int index() {
        return index;
    }

    public String text() {
        return text;
    }

    public List<String> lines() {
        return List.of(text.split("\n"));
    }

    /** The lowercase word tokens ({@link Tokens#words(String)}), unmodifiable. */
    public List<String> words() {
        List<String> w = words;
        if (w == null) {
            w = vocabulary.words(wordIds());
            words = w;
        }
        return w;
    }

    /**
     * An array that holds the text's chars from {@link #charsFrom()} on, for the scanners that read them all (the
     * tokenizer and the block features: an array read has no per-character check of the string's coder and bounds):
     * the document's, or the text's own copy, made once. Do not modify.
     */
    public char[] charArray() {
        char[] c = chars;
        if (c == null) {
            c = text.toCharArray();
            chars = c;
        }
        return c;
    }

    /** Where the text starts in {@link #charArray()}. */
    public int charsFrom() {
        return charsFrom;
    }

    /** {@link #words()} as numbers of the document's {@link #vocabulary()}. Do not modify. */
    public int[] wordIds() {
        int[] ids = wordIds;
        if (ids == null) {
            ids = vocabulary.tokenize(charArray(), charsFrom, charsFrom + text.length());
            wordIds = ids;
        }
        return ids;
    }

    /** The words of the block's document (of all its blocks). */
    public DocumentWords vocabulary() {
        return vocabulary;
    }

    /** The first {@code max} word tokens. */
    public List<String> words(int max) {
        List<String> w = words();
        return w.size() <= max ? w : w.subList(0, max);
    }

    /** {@link Tokens#count(String)} of the text: the output's word_count (letters, digits, '_' and non-spacing marks). */
    public int wordCount() {
        int c = wordCount;
        if (c < 0) {
            c = Tokens.count(text);
            wordCount = c;
        }
        return c;
    }

    /**
     * Caches the word count of a caller that counted the text's words exactly as {@link Tokens#count} does (the
     * block features' scan), so that it is not counted again.
     */
    public void knownWordCount(int count) {
        wordCount = count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Block b && b.index == index && b.text.equals(text);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(index) + text.hashCode();
    }

    @Override
    public String toString() {
        return "Block[index=" + index + ", text=" + text + "]";
    }
}
