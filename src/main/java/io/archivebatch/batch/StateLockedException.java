package io.archivebatch.batch;

/** Another live process holds the state: the command must do nothing and exit 3. */
public class StateLockedException extends Exception {
    public StateLockedException(String message) {
        super(message);
    }
}
