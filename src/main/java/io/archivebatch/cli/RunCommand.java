package io.archivebatch.cli;

import io.archivebatch.batch.JobRunner;
import io.archivebatch.batch.RunRequest;
import io.archivebatch.batch.RunResult;
import io.archivebatch.core.pipeline.CleaningConfig;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Cleans every *.txt dump under the inputs into one dataset folder OUTPUT/<run>/ with",
                "articles.jsonl, articles.csv, rejects.jsonl and manifest.json, published atomically.",
                "Re-issuing the command of a failed or interrupted run resumes it after its last committed chunk;",
                "re-issuing the command of a completed run with unchanged inputs does nothing."},
        footer = {"", "Exit codes: 0 completed, 1 failed (re-run to resume), 2 usage error, 3 state locked,",
                "            4 completed with rejected inputs (see rejects.jsonl)."})
public class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--input"}, paramLabel = "PATH", arity = "1..*",
            description = "Input files or folders, searched at any depth (default: input/).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "output")
    Path output;

    @Option(names = "--rules", paramLabel = "PATH",
            description = "Site rules: a .rules file or a folder of them (default: jobs/rules when it exists).")
    Path rules;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "200",
            description = "Documents per committed chunk (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Mixin
    StateOptions state;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> in = inputs.isEmpty() ? List.of(Path.of("input")) : inputs;
        for (Path p : in) {
            if (!Files.exists(p)) {
                throw new UsageException("input not found: " + p);
            }
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new UsageException("output is not a folder: " + output);
        }
        if (chunkSize < 1) {
            throw new UsageException("--chunk-size must be at least 1");
        }
        Path ruleSource = rules;
        if (ruleSource == null && Files.isDirectory(Path.of("jobs", "rules"))) {
            ruleSource = Path.of("jobs", "rules");
        }
        try {
            CleaningConfig.load(ruleSource, rules != null);
        } catch (IOException e) {
            throw new UsageException("bad site rules: " + e.getMessage());
        }
        Files.createDirectories(output);
        Map<String, Object> props = state.springProperties(output);
        props.put("archive-batch.chunk-size", chunkSize);
        if (quiet) {
            props.put("archive-batch.progress", "false");
        }
        RunResult r;
        try (ConfigurableApplicationContext ctx = SpringLauncher.start(props)) {
            r = ctx.getBean(JobRunner.class).run(new RunRequest("run", in, output, ruleSource));
        } catch (Exception e) {
            if (isLockFailure(e)) {
                err.println("run: another process holds the state database (" + rootMessage(e) + "); nothing was done");
                return ExitCodes.LOCKED;
            }
            throw e;
        }
        return report(r, out, err);
    }

    static int report(RunResult r, PrintWriter out, PrintWriter err) {
        switch (r.status()) {
            case "ALREADY_COMPLETED" -> {
                out.printf(Locale.ROOT, "%s: already completed with these inputs, nothing to do; dataset in %s%n", r.runName(), r.folder());
                return ExitCodes.OK;
            }
            case "LOCKED" -> {
                err.printf(Locale.ROOT, "%s: this run is in progress in another process; nothing was done%n", r.runName());
                return ExitCodes.LOCKED;
            }
            case "COMPLETED" -> {
                out.printf(Locale.ROOT, "%s: %s in %.1f s: %,d inputs, %,d articles (%,d exact duplicates marked), %,d rejected%s%n",
                        r.runName(), r.resumed() ? "resumed and completed" : "completed", r.seconds(), r.inputs(), r.articles(),
                        r.duplicates(), r.rejects(), r.rejects() > 0 ? " " + r.rejectsByReason() : "");
                out.printf(Locale.ROOT, "dataset: %s%n", r.folder());
                return r.rejects() > 0 ? ExitCodes.REJECTS : ExitCodes.OK;
            }
            default -> {
                err.printf(Locale.ROOT, "%s: %s after %,d inputs: %s%n", r.runName(), r.status().toLowerCase(Locale.ROOT), r.inputs(),
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
