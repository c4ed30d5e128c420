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

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Processes only the inputs that are new or changed since the ledger last saw them processed",
                "successfully, into OUTPUT/nightly-<date>/. With nothing new it writes nothing and exits 0.",
                "An unfinished nightly run (failed, stopped, or killed) is resumed first. For cron, systemd timers",
                "and Kubernetes CronJobs: see jobs/ and the README."},
        footer = {"", "Exit codes: 0 completed or nothing new, 1 failed or stopped (re-run to resume), 2 usage error,",
                "            3 another run holds the state, 4 completed with rejected inputs."})
public class NightlyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The night this run belongs to (default: today).")
    LocalDate date;

    @Override
    public Integer call() throws Exception {
        Path rules = JobCommandSupport.validate(job);
        RunRequest request = RunRequest.nightly(JobCommandSupport.inputs(job), job.output, rules,
                date == null ? LocalDate.now() : date).withFields(JobCommandSupport.fields(job));
        return JobCommandSupport.execute("nightly", job, request, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
