package io.archivebatch.cli;

import io.archivebatch.batch.InputScanAhead;
import io.archivebatch.batch.JobRunner;
import io.archivebatch.batch.OutputLock;
import io.archivebatch.batch.StateLockedException;
import io.archivebatch.batch.RunRequest;
import io.archivebatch.batch.RunResult;
import io.archivebatch.core.pipeline.CleaningConfig;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What run, nightly, backfill and restart share: checking the options, starting the batch context, a graceful stop
 * on SIGTERM/SIGINT (the run stops at the next chunk boundary, is marked STOPPED, and the process exits 1), and the
 * one-line summaries and exit codes.
 */
final class JobCommandSupport {
    private JobCommandSupport() {
    }

    /** Checks the shared options; answers the rules to use (null: built-in only). */
    static Path validate(JobOptions o) {
        List<Path> in = inputs(o);
        for (Path p : in) {
            if (!Files.exists(p)) {
                throw new UsageException("input not found: " + p);
            }
        }
        if (Files.exists(o.output) && !Files.isDirectory(o.output)) {
            throw new UsageException("output is not a folder: " + o.output);
        }
        if (o.chunkSize < 1) {
            throw new UsageException("--chunk-size must be at least 1");
        }
        if (o.threads < 0 || o.threads > 256) {
            throw new UsageException("--threads must be between 1 and 256 (0: one per core)");
        }
        if (o.maxDocumentBytes < 1024 || o.maxDocumentBytes > 1L << 30) {
            throw new UsageException("--max-document-bytes must be between 1024 and 1073741824");
        }
        if (o.maxSecondsPerDocument < 1) {
            throw new UsageException("--max-seconds-per-document must be at least 1");
        }
        try {
            io.archivebatch.core.ingest.FieldMapping.parse(fields(o));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--field: " + e.getMessage());
        }
        Path rules = rulesOrDefault(o.rules);
        try {
            CleaningConfig.load(rules, o.rules != null);
        } catch (IOException e) {
            throw new UsageException("bad site rules: " + e.getMessage());
        }
        return rules;
    }

    /** The field mapping of the options, as one spec ({@code text=a,b;title=c}); empty for the defaults. */
    static String fields(JobOptions o) {
        return String.join(";", o.fields.stream().map(String::strip).filter(f -> !f.isEmpty()).toList());
    }

    /** The rules named on the command line, else {@code jobs/rules} when that folder exists, else none. */
    static Path rulesOrDefault(Path named) {
        Path dflt = Path.of("jobs", "rules");
        return named != null ? named : Files.isDirectory(dflt) ? dflt : null;
    }

    static List<Path> inputs(JobOptions o) {
        return o.inputs.isEmpty() ? List.of(Path.of("input")) : o.inputs;
    }

    /** Runs one request (run, nightly, backfill, convert) into its output, its progress on the command's stderr. */
    static int execute(String name, JobOptions o, RunRequest request, PrintWriter out, PrintWriter err) throws IOException {
        InputScanAhead[] ahead = new InputScanAhead[1];
        // the inputs are scanned while Spring and the state database start, once this process holds the output
        return execute(name, o, o.output, () -> ahead[0] = InputScanAhead.start(request.inputs()), r -> {
            try {
                return r.run(request, ahead[0], msg -> {
                    err.println(request.command() + ": " + msg);
                    err.flush();
                });
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, out, err);
    }

    /** Runs the job for the request built from the validated options, with progress, signals and summaries. */
    static int execute(String name, JobOptions o, Path output, Function<JobRunner, List<RunResult>> action,
                       PrintWriter out, PrintWriter err) throws IOException {
        return execute(name, o, output, () -> {
        }, action, out, err);
    }

    /** {@link #execute(String, JobOptions, Path, Function, PrintWriter, PrintWriter)}, {@code locked} run first. */
    private static int execute(String name, JobOptions o, Path output, Runnable locked,
                               Function<JobRunner, List<RunResult>> action, PrintWriter out, PrintWriter err) throws IOException {
        Files.createDirectories(output);
        OutputLock outputLock;
        try {
            outputLock = OutputLock.acquire(output);
        } catch (StateLockedException e) {
            err.println(name + ": " + e.getMessage() + "; nothing was done");
            return ExitCodes.LOCKED;
        }
        try (outputLock) {
            locked.run();
            return executeLocked(name, o, output, action, out, err);
        }
    }

    private static int executeLocked(String name, JobOptions o, Path output, Function<JobRunner, List<RunResult>> action,
                                     PrintWriter out, PrintWriter err) throws IOException {
        Map<String, Object> props = o.state.springProperties(output);
        props.put("archive-batch.chunk-size", o.chunkSize);
        props.put("archive-batch.threads", o.threads);
        props.put("archive-batch.max-document-bytes", o.maxDocumentBytes);
        props.put("archive-batch.max-seconds-per-document", o.maxSecondsPerDocument);
        props.put("archive-batch.progress", String.valueOf(!o.quiet));
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(ExitCodes.FAILED);
        JobRunner[] runner = new JobRunner[1];
        Thread hook = new Thread(() -> {
            JobRunner r = runner[0];
            if (r != null && r.stopRunning()) {
                err.println(name + ": stop requested; stopping after the current chunk");
                err.flush();
            }
            try {
                finished.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exit.get());
        }, "archive-batch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = ExitCodes.FAILED;
        try {
            List<RunResult> results;
            try (ConfigurableApplicationContext ctx = SpringLauncher.start(props)) {
                runner[0] = ctx.getBean(JobRunner.class);
                results = action.apply(runner[0]);
            } catch (RuntimeException e) {
                if (isLockFailure(e)) {
                    err.println(name + ": another process holds the state database (" + rootMessage(e) + "); nothing was done");
                    code = ExitCodes.LOCKED;
                    return code;
                }
                throw e;
            }
            code = report(name, results, out, err);
            return code;
        } finally {
            exit.set(code);
            out.flush();
            err.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it exits with our code
            }
        }
    }

    static int report(String name, List<RunResult> results, PrintWriter out, PrintWriter err) {
        int code = ExitCodes.OK;
        for (RunResult r : results) {
            code = worse(code, report(name, r, out, err));
        }
        return code;
    }

    private static int worse(int a, int b) {
        int[] order = {ExitCodes.OK, ExitCodes.REJECTS, ExitCodes.LOCKED, ExitCodes.FAILED, ExitCodes.USAGE};
        int ia = 0, ib = 0;
        for (int i = 0; i < order.length; i++) {
            if (order[i] == a) {
                ia = i;
            }
            if (order[i] == b) {
                ib = i;
            }
        }
        return ia >= ib ? a : b;
    }

    static int report(String name, RunResult r, PrintWriter out, PrintWriter err) {
        switch (r.status()) {
            case "NOTHING_NEW" -> {
                out.printf(Locale.ROOT, "%s: nothing new since the last run; no records written%n", name);
                return ExitCodes.OK;
            }
            case "ALREADY_COMPLETED" -> {
                out.printf(Locale.ROOT, "%s: already completed with these inputs, nothing to do; dataset in %s%n", r.runName(), r.folder());
                return ExitCodes.OK;
            }
            case "LOCKED" -> {
                err.printf(Locale.ROOT, "%s: %s; nothing was done%n", name, r.error());
                return ExitCodes.LOCKED;
            }
            case "COMPLETED" -> {
                out.printf(Locale.ROOT, "%s: %s in %.1f s: %,d documents, %,d articles (%,d exact duplicates marked), %,d rejected%s%n",
                        r.runName(), r.resumed() ? "resumed and completed" : "completed", r.seconds(), r.inputs(), r.articles(),
                        r.duplicates(), r.rejects(), r.rejects() > 0 ? " " + r.rejectsByReason() : "");
                out.printf(Locale.ROOT, "dataset: %s%n", r.folder());
                return r.rejects() > 0 ? ExitCodes.REJECTS : ExitCodes.OK;
            }
            case "STOPPED" -> {
                err.printf(Locale.ROOT, "%s: stopped after %,d documents; re-run the same command to resume%n", r.runName(), r.inputs());
                return ExitCodes.FAILED;
            }
            default -> {
                err.printf(Locale.ROOT, "%s: %s after %,d documents: %s%n", r.runName(), r.status().toLowerCase(Locale.ROOT), r.inputs(),
                        r.error() == null ? "(no error recorded)" : r.error());
                err.println("re-run the same command to resume after the last committed chunk");
                return ExitCodes.FAILED;
            }
        }
    }

    static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("lockFile") || m.contains("Database lock acquisition failure")) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

}
