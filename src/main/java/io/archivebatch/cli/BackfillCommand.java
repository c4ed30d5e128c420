package io.archivebatch.cli;

import io.archivebatch.batch.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Re-processes on purpose the inputs whose date falls in [FROM, TO]: the date is a YYYY-MM-DD,",
                "YYYY/MM/DD or YYYYMMDD in the path, else the file's modification date. Without --force, inputs the",
                "ledger already has unchanged are skipped. Output goes to OUTPUT/backfill-<from>_<to>/."},
        footer = {"", "Exit codes: 0 completed or nothing to do, 1 failed or stopped (re-run to resume), 2 usage error,",
                "            3 another run holds the state, 4 completed with rejected inputs."})
public class BackfillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day of the range.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day of the range (inclusive).")
    LocalDate to;

    @Option(names = "--force", description = "Take every input in the range, even those the ledger has unchanged.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        Path rules = JobCommandSupport.validate(job);
        RunRequest request = RunRequest.backfill(JobCommandSupport.inputs(job), job.output, rules, from, to, force)
                .withFields(JobCommandSupport.fields(job));
        return JobCommandSupport.execute("backfill", job, request, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
