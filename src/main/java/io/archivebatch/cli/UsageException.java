package io.archivebatch.cli;

/** A bad argument or configuration found after parsing: printed as one line, exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
