package io.archivebatch.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options shared by the commands that run the job: inputs, output, rules, chunk size, progress, state. The fields
 * start at the options' defaults, so options built in code (restart) have the same limits as a command line without
 * them: with zeros, every document of a resumed run was rejected as too_large or timeout.
 */
public class JobOptions {

    @Option(names = "--job", paramLabel = "FILE",
            description = {"A job file (Java properties, e.g. jobs/nightly.properties): default values for these options,",
                    "keyed by their long names without dashes (input, output, rules, threads, field, ...).",
                    "Options given on the command line win."})
    Path job;

    @Option(names = {"-i", "--input"}, paramLabel = "PATH", arity = "1..*", split = ",",
            description = "Input files or folders, searched at any depth for every supported format (default: input/).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "output",
            description = "Output folder for run folders, staging and the embedded state (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--rules", paramLabel = "PATH",
            description = "Site rules: a .rules file or a folder of them (default: jobs/rules when it exists).")
    Path rules;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "1000",
            description = "Documents per committed chunk, the unit of restart (default: ${DEFAULT-VALUE}).")
    int chunkSize = 1000;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads for the partitioned processing (default: one per core). The output is the same for any N.")
    int threads;

    @Option(names = "--field", paramLabel = "NAME=COLUMNS", split = ";",
            description = {"Where scraper exports (JSON, CSV) hold a field, before the common names:",
                    "text, title, url, published or author = comma-separated column names,",
                    "e.g. --field text=story_text --field published=created_at. Part of the run's identity."})
    List<String> fields = new ArrayList<>();

    @Option(names = "--max-document-bytes", paramLabel = "N", defaultValue = "20971520",
            description = "Largest document (file, record or page) read; larger ones are rejected as too_large (default: ${DEFAULT-VALUE}).")
    long maxDocumentBytes = 20971520;

    @Option(names = "--max-seconds-per-document", paramLabel = "S", defaultValue = "30",
            description = {"Longest time one document may take to read and clean; a slower one is rejected as timeout",
                    "and the run goes on (default: ${DEFAULT-VALUE})."})
    int maxSecondsPerDocument = 30;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Mixin
    StateOptions state;
}
