package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputScanner;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The scan of a request's inputs, started on a thread of its own while the Spring context and the state database
 * start: on a folder of 337,240 files the scan takes 2-3 s, about as long as the start. {@link JobRunner} takes it
 * when it prepares a new run right away; when a nightly first resumes unfinished runs, it scans again instead, since
 * a scan that old may miss the files that came meanwhile.
 */
public final class InputScanAhead {

    private final Path workdir;
    private final List<Path> inputs;
    /** the scan until it is taken: then dropped, so that its list (hundreds of bytes a file) is not kept by the run */
    private FutureTask<List<InputFile>> scan;

    private InputScanAhead(Path workdir, List<Path> inputs) {
        this.workdir = workdir;
        this.inputs = List.copyOf(inputs);
        this.scan = new FutureTask<>(() -> InputScanner.allFormats().scan(workdir, this.inputs));
    }

    /** Starts scanning the inputs (relative ones against the working directory). */
    public static InputScanAhead start(List<Path> inputs) {
        InputScanAhead s = new InputScanAhead(JobRunner.workdir(), inputs);
        Thread t = new Thread(s.scan, "archive-batch-scan"); // the thread drops its task when it ends
        t.setDaemon(true); // a run that ends before taking it does not wait for it
        t.start();
        return s;
    }

    /** Drops the scan (and its list) unused: the run will scan its inputs again. */
    void discard() {
        FutureTask<List<InputFile>> s = scan;
        scan = null;
        if (s != null) {
            s.cancel(false);
        }
    }

    /** Whether this is the scan, not yet taken or dropped, of these inputs from this working directory. */
    boolean isOf(Path workdir, List<Path> inputs) {
        return scan != null && this.workdir.equals(workdir) && this.inputs.equals(inputs);
    }

    /**
     * The scanned files, once the scan is done; its failure as the scan itself would have thrown it. Taken once: this
     * object keeps nothing of it afterwards.
     */
    List<InputFile> take() throws IOException {
        FutureTask<List<InputFile>> s = scan;
        if (s == null) {
            throw new IllegalStateException("the scan of " + inputs + " was taken already");
        }
        scan = null;
        try {
            return s.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while scanning the inputs");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }
}
