package io.archivebatch.core.model;

/** What processing one input produced: an article or a rejection. */
public sealed interface Outcome permits Outcome.Accepted, Outcome.Rejected {

    String source();

    record Accepted(Article article) implements Outcome {
        public String source() {
            return article.source();
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

    static Outcome of(Rejection r) {
        return new Rejected(r);
    }
}
