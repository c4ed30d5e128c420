package io.archivebatch.core.text;

/**
 * A string built from pieces in a char array that a thread keeps from one text to the next. A
 * {@code StringBuilder} starts with one byte per char and copies itself into two bytes per char at the first
 * character past U+00FF (every page with a curly quote), then copies again into its string: three arrays the size of
 * the text for each one built. Here the pieces are copied once, into an array that stays, and then into the string.
 * Not thread-safe: one per thread ({@link #forThisThread}).
 */
public final class TextBuilder {

    /** An array past this many chars is not kept for the next text. */
    private static final int KEEP = 1 << 20;

    private static final ThreadLocal<TextBuilder> PER_THREAD = ThreadLocal.withInitial(TextBuilder::new);

    private char[] chars = new char[1 << 12];
    private int length;

    /** This thread's builder, emptied. */
    public static TextBuilder forThisThread() {
        TextBuilder b = PER_THREAD.get();
        if (b.chars.length > KEEP) {
            b.chars = new char[1 << 12];
        }
        b.length = 0;
        return b;
    }

    public int length() {
        return length;
    }

    /** The array the text is built in: {@code chars()[0, length())} is the text, until the builder is used again. */
    public char[] chars() {
        return chars;
    }

    /** Appends {@code s[from..to)}. */
    public TextBuilder append(String s, int from, int to) {
        int n = to - from;
        fit(length + n);
        s.getChars(from, to, chars, length);
        length += n;
        return this;
    }

    /** Appends {@code chars[from..to)}. */
    public TextBuilder append(char[] chars, int from, int to) {
        int n = to - from;
        fit(length + n);
        System.arraycopy(chars, from, this.chars, length, n);
        length += n;
        return this;
    }

    public TextBuilder append(char c) {
        fit(length + 1);
        chars[length++] = c;
        return this;
    }

    private void fit(int n) {
        if (n > chars.length) {
            chars = java.util.Arrays.copyOf(chars, Math.max(n, chars.length * 2));
        }
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
