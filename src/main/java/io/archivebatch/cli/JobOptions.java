package io.archivebatch.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options shared by the commands that run the job: inputs, output, rules, chunk size, progress, state. */
public class JobOptions {

    @Option(names = {"-i", "--input"}, paramLabel = "PATH", arity = "1..*",
            description = "Input files or folders, searched at any depth for *.txt dumps (default: input/).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "output",
            description = "Output folder for run folders, staging and the embedded state (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--rules", paramLabel = "PATH",
            description = "Site rules: a .rules file or a folder of them (default: jobs/rules when it exists).")
    Path rules;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "200",
            description = "Documents per committed chunk, the unit of restart (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads for the partitioned processing (default: one per core). The output is the same for any N.")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Mixin
    StateOptions state;
}
