package io.archivebatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "archive-batch",
        mixinStandardHelpOptions = true,
        version = "archive-batch 0.1.0",
        description = "Turns scraped news-article dumps into clean, deduplicated JSON Lines and CSV datasets.",
        subcommands = {RunCommand.class, ConvertCommand.class, NightlyCommand.class, BackfillCommand.class, RestartCommand.class,
                StatusCommand.class, EvalCommand.class, TrainTitleCommand.class, TrainBlocksCommand.class, ExplainCommand.class},
        footer = {"", "Exit codes: 0 completed, 1 failed or stopped (re-run to resume), 2 usage error, 3 state locked by another run,",
                "            4 completed with rejected inputs."})
public class ArchiveBatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
