package io.archivebatch.cli;

import io.archivebatch.core.clean.BlockDecision;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputScanner;
import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Shows how a dump is cleaned: every block with its decision (KEEP or DROP), the reason",
                "(rule and where it is defined, site profile, classifier probability, main region) and which blocks",
                "became metadata, then the record's fields. Use it to write site rules (see jobs/README.md)."})
public class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dump files (or folders) to explain.")
    List<Path> files;

    @Option(names = "--rules", paramLabel = "PATH", description = "Site rules (default: jobs/rules when it exists).")
    Path rules;

    @Option(names = "--width", paramLabel = "N", defaultValue = "100", description = "Characters of each block to show (default: ${DEFAULT-VALUE}).")
    int width;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw new UsageException("not found: " + f);
            }
        }
        Path r = JobCommandSupport.rulesOrDefault(rules);
        CleaningConfig config;
        try {
            config = CleaningConfig.load(r, rules != null);
        } catch (IOException e) {
            throw new UsageException("bad site rules: " + e.getMessage());
        }
        DocumentProcessor processor = new DocumentProcessor(config);
        InputReaders readers = new InputReaders();
        for (InputFile in : InputScanner.allFormats().scan(files)) {
            for (IngestItem item : readers.read(in)) {
                if (item.rejection() != null) {
                    out.println("== " + item.rejection().source());
                    out.println("REJECTED " + item.rejection().reason() + ": " + item.rejection().detail());
                } else {
                    out.println("== " + item.document().source());
                    explain(processor.trace(item.document()), out);
                }
            }
        }
        return ExitCodes.OK;
    }

    private void explain(DocumentProcessor.Trace t, PrintWriter out) {
        if (t.clean() != null) {
            for (BlockDecision d : t.clean().decisions()) {
                int i = d.block().index();
                String verdict = t.metadataBlocks().contains(i) ? "META" : d.keep() ? "KEEP" : "DROP";
                String text = d.block().text().replace('\n', ' ');
                if (text.length() > width) {
                    text = text.substring(0, Math.max(1, width - 1)) + "…";
                }
                out.printf(Locale.ROOT, "%4d %s %-26s %-34s %s%n", i, verdict, d.reason(), d.detail(), text);
            }
        }
        if (t.outcome() instanceof Outcome.Accepted a) {
            Article x = a.article();
            out.printf(Locale.ROOT, "-> title: %s | author: %s | published: %s | updated: %s | site: %s | language: %s | words: %d | related: %d%n",
                    x.title(), x.author(), x.published(), x.updated(), x.site(), x.language(), x.wordCount(), x.related().size());
        } else if (t.outcome() instanceof Outcome.Rejected rej) {
            out.println("-> REJECTED " + rej.rejection().reason() + ": " + rej.rejection().detail());
        }
    }
}
