package io.archivebatch.cli;

import io.archivebatch.batch.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Writes every document of the inputs as read — no boilerplate removal, no extraction: the",
                "normalized text is the body, and only what an input states (export fields, page metadata) fills the",
                "other fields — into OUTPUT/convert-<time>/, with the run's guarantees (restart, rejects, manifest).",
                "For raw exports of dumps, and the benchmark's pass-through baseline. Ignores the ledger and the rules."},
        footer = {"", "Exit codes: 0 completed, 1 failed or stopped (re-run to resume), 2 usage error, 3 state locked,",
                "            4 completed with rejected inputs (see rejects.jsonl)."})
public class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Override
    public Integer call() throws Exception {
        JobCommandSupport.validate(job);
        RunRequest request = RunRequest.convert(JobCommandSupport.inputs(job), job.output)
                .withFields(JobCommandSupport.fields(job));
        return JobCommandSupport.execute("convert", job, request, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
