package io.archivebatch.cli;

import io.archivebatch.batch.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Resumes the newest unfinished run (failed, stopped, or left running by a process that died)",
                "with its own parameters, after its last committed chunk."},
        footer = {"", "Exit codes: 0 completed or nothing to resume, 1 failed or stopped, 3 state locked, 4 completed with rejects."})
public class RestartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "output",
            description = "Output folder whose runs to consider (and whose embedded state to use) (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Mixin
    StateOptions state;

    @Override
    public Integer call() throws Exception {
        JobOptions o = new JobOptions();
        o.output = output;
        o.quiet = quiet;
        o.state = state;
        return JobCommandSupport.execute("restart", o, output, r -> {
            try {
                RunResult res = r.restartNewest(output, msg -> spec.commandLine().getErr().println("restart: " + msg));
                if (res == null) {
                    spec.commandLine().getOut().println("restart: no unfinished run to resume");
                    return List.of();
                }
                return List.of(res);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
