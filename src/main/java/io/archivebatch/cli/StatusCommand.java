package io.archivebatch.cli;

import io.archivebatch.batch.JobRunner;
import io.archivebatch.batch.OutputLock;
import io.archivebatch.batch.StateLockedException;
import io.archivebatch.batch.RunSummary;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Lists recent runs, newest first: command, parameters, status, counts (read, written, rejected,",
                "duplicates), duration, and for a failed run its error."},
        footer = {"", "Exit codes: 0 listed, 2 usage error, 3 the embedded state is held by a running job (use a state server to watch live runs)."})
public class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "output",
            description = "Output folder whose embedded state to read (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON document for machines.")
    boolean json;

    @Mixin
    StateOptions state;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1");
        }
        if (state.url == null && System.getenv("ARCHIVE_BATCH_STATE_URL") == null
                && !Files.isDirectory(output.resolve(".state"))) {
            if (json) {
                out.println("{\"runs\":[]}");
            } else {
                out.println("status: no runs yet (no state in " + output.resolve(".state") + ")");
            }
            return ExitCodes.OK;
        }
        List<RunSummary> runs;
        // the embedded database in OUTPUT/.state is opened by one process at a time, the one holding the output
        // folder's lock (it has no lock file of its own: StateOptions.defaultUrl); a state server is shared
        boolean embedded = state.url == null && System.getenv("ARCHIVE_BATCH_STATE_URL") == null;
        OutputLock lock = null;
        try {
            if (embedded) {
                lock = OutputLock.acquire(output);
            }
        } catch (StateLockedException e) {
            return inProgress();
        }
        try (ConfigurableApplicationContext ctx = SpringLauncher.start(state.springProperties(output))) {
            runs = ctx.getBean(JobRunner.class).recent(limit);
        } catch (RuntimeException e) {
            if (JobCommandSupport.isLockFailure(e)) {
                return inProgress();
            }
            throw e;
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (RunSummary r : runs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("run", r.runName());
                m.put("command", r.command());
                m.put("status", r.status());
                m.put("parameters", r.parameters());
                m.put("executions", r.executions());
                m.put("started", r.started() == null ? null : r.started().toString());
                m.put("ended", r.ended() == null ? null : r.ended().toString());
                m.put("seconds", r.seconds());
                m.put("read", r.read());
                m.put("written", r.written());
                m.put("rejected", r.rejected());
                m.put("duplicates", r.duplicates());
                m.put("error", r.error());
                list.add(m);
            }
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(Map.of("runs", list)));
            return ExitCodes.OK;
        }
        if (runs.isEmpty()) {
            out.println("status: no runs yet");
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "%-28s %-9s %-10s %8s %8s %8s %6s %9s  %s%n",
                "run", "command", "status", "read", "written", "rejected", "dupes", "duration", "parameters");
        for (RunSummary r : runs) {
            out.printf(Locale.ROOT, "%-28s %-9s %-10s %8d %8d %8d %6d %8.1fs  %s%n", r.runName(), r.command(), r.status(),
                    r.read(), r.written(), r.rejected(), r.duplicates(), r.seconds(), r.parameters());
            if (r.error() != null) {
                out.printf(Locale.ROOT, "    error: %s%n", r.error());
            }
        }
        return ExitCodes.OK;
    }

    private int inProgress() {
        spec.commandLine().getErr().println("status: a run is in progress and holds the embedded state database; "
                + "try again when it ends");
        return ExitCodes.LOCKED;
    }
}
