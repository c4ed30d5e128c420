package io.archivebatch.core.ingest;

import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.model.Rejection;

/** One document read from an input, or why a part of the input could not be read. Exactly one is set. */
public record IngestItem(RawDocument document, Rejection rejection) {

    public static IngestItem of(RawDocument d) {
        return new IngestItem(d, null);
    }

    public static IngestItem of(Rejection r) {
        return new IngestItem(null, r);
    }
}
