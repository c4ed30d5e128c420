package io.archivebatch.core.ingest;

import io.archivebatch.core.model.Rejection;

/** Thrown by a reader for an input that cannot become a document; carries the reject reason. */
public class RejectedInputException extends Exception {
    private final String reason;

    public RejectedInputException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public Rejection toRejection(String source) {
        return new Rejection(source, reason, getMessage());
    }
}
