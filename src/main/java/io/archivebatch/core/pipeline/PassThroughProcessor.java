package io.archivebatch.core.pipeline;

import io.archivebatch.core.clean.TextNormalizer;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.model.Rejection;

import java.util.List;
import java.util.function.Function;

/**
 * The documents as read, without boilerplate removal or extraction: the normalized text is the body, and only what
 * the input states (an export's fields, a page's metadata) fills the other fields. The {@code convert} command
 * (raw exports) and the benchmark's pass-through baseline, which measures everything but the cleaning.
 */
public final class PassThroughProcessor implements Function<RawDocument, Outcome> {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Override
    public Outcome apply(RawDocument doc) {
        String body = normalizer.normalize(doc.text()).strip();
        if (body.isEmpty()) {
            return Outcome.of(new Rejection(doc.source(), "empty", "no text after normalization"));
        }
        Hashing.Utf8Sha256 hashed = Hashing.utf8AndSha256(body);
        return Outcome.of(new Article(
                Hashing.sha256(doc.source()).substring(0, 16),
                doc.source(),
                doc.url(),
                doc.given("site"),
                doc.given("title"),
                doc.given("author"),
                doc.given("published"),
                doc.given("updated"),
                null,
                doc.given("language"),
                body,
                io.archivebatch.core.text.Tokens.count(body),
                List.of(),
                hashed.sha256(),
                null,
                doc.flags(),
                doc.given("captured")), hashed.utf8());
    }
}
