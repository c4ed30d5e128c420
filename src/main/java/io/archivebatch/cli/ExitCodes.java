package io.archivebatch.cli;

/** The exit codes of every command (DESIGN.md §4), for cron, systemd and CI. */
public final class ExitCodes {
    private ExitCodes() {
    }

    /** Completed. */
    public static final int OK = 0;
    /** Failed; re-issue the same command to resume. */
    public static final int FAILED = 1;
    /** Usage or configuration error: nothing was done. */
    public static final int USAGE = 2;
    /** Another run holds the state: nothing was done. */
    public static final int LOCKED = 3;
    /** Completed, but some inputs were rejected (see rejects.jsonl). */
    public static final int REJECTS = 4;
}
