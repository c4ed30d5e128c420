package io.archivebatch.core.model;

/** What processing one input produced: an article or a rejection. */
public sealed interface Outcome permits Outcome.Accepted, Outcome.Rejected {

    String source();

    /**
     * @param bodyUtf8 the body's UTF-8 bytes, when the processor made them (to hash them): the writer uses them instead
     *                 of encoding the body again; null when not made. Not part of equality: they are the body's.
     */
    record Accepted(Article article, byte[] bodyUtf8) implements Outcome {
        public Accepted(Article article) {
            this(article, null);
        }

        public String source() {
            return article.source();
        }

        /** Whether the record has a body: the article's, or its bytes when the article's was dropped. */
        public boolean hasBody() {
            return article.body() != null || bodyUtf8 != null;
        }

        /**
         * This outcome as a writer needs it: the body only as its UTF-8 bytes (the article's body null), so that the
         * outcomes of a chunk waiting for the writer do not hold every body twice (as a string, often two bytes a
         * char, and as bytes). Itself when it has no bytes. Not equal to this outcome ({@link #equals}).
         */
        public Accepted bodyAsBytesOnly() {
            return bodyUtf8 == null || article.body() == null ? this : new Accepted(article.withoutBody(), bodyUtf8);
        }

        /** The body: the article's, or decoded from its bytes when the article's was dropped; null when none. */
        public String body() {
            return article.body() != null ? article.body()
                    : bodyUtf8 == null ? null : new String(bodyUtf8, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Accepted a && article.equals(a.article);
        }

        @Override
        public int hashCode() {
            return article.hashCode();
        }

        @Override
        public String toString() {
            return "Accepted[article=" + article + "]";
        }
    }

    record Rejected(Rejection rejection) implements Outcome {
        public String source() {
            return rejection.source();
        }
    }

    static Outcome of(Article a) {
        return new Accepted(a);
    }

    /** An article with its body's UTF-8 bytes (which must be the body's: {@code body().getBytes(UTF_8)}). */
    static Outcome of(Article a, byte[] bodyUtf8) {
        return new Accepted(a, bodyUtf8);
    }

    static Outcome of(Rejection r) {
        return new Rejected(r);
    }
}
