package io.archivebatch.cli;

import io.archivebatch.batch.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Cleans every input (dumps, exports, HTML, WARC, containers) into one dataset folder",
                "OUTPUT/run-<time>/ with articles.jsonl, articles.csv, rejects.jsonl and manifest.json, published atomically.",
                "Re-issuing the command of a failed or interrupted run resumes it after its last committed chunk;",
                "re-issuing the command of a completed run with unchanged inputs does nothing. Ignores the ledger."},
        footer = {"", "Exit codes: 0 completed, 1 failed or stopped (re-run to resume), 2 usage error, 3 state locked,",
                "            4 completed with rejected inputs (see rejects.jsonl)."})
public class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Override
    public Integer call() throws Exception {
        Path rules = JobCommandSupport.validate(job);
        RunRequest request = RunRequest.run(JobCommandSupport.inputs(job), job.output, rules)
                .withFields(JobCommandSupport.fields(job));
        return JobCommandSupport.execute("run", job, request, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
