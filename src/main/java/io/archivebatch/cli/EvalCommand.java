package io.archivebatch.cli;

import io.archivebatch.core.eval.EvalReport;
import io.archivebatch.core.eval.Evaluator;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores the cleaning against a labelled set (DIR/dumps/*.txt and DIR/gold/*.json) with the",
                "metrics of corpus/README.md: word F1, shingle F1, with/without snippets, title/author/published accuracy."})
public class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "The labelled set, e.g. ../shared/corpus/wcxb-dev.")
    Path gold;

    @Option(names = "--html", description = "Score DIR/html (HTML input) instead of the text dumps.")
    boolean html;

    @Option(names = "--keep-all", description = "Score the dumps kept whole (checks the scorer against the reference row).")
    boolean keepAll;

    @Option(names = "--rules", paramLabel = "PATH", description = "Site rules to apply (a .rules file or folder).")
    Path rules;

    @Option(names = "--details", paramLabel = "FILE", description = "Write one line of figures per document to FILE.")
    Path details;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(gold)) {
            throw new UsageException("not a folder: " + gold);
        }
        if (html && keepAll) {
            throw new UsageException("--html and --keep-all exclude each other");
        }
        CleaningConfig config;
        try {
            config = CleaningConfig.load(rules, rules != null);
        } catch (IOException e) {
            throw new UsageException("bad site rules: " + e.getMessage());
        }
        EvalReport report;
        try {
            report = new Evaluator().evaluate(gold, keepAll ? Evaluator.Mode.KEEP_ALL : html ? Evaluator.Mode.HTML : Evaluator.Mode.TEXT,
                    new DocumentProcessor(config), msg -> spec.commandLine().getErr().println("eval: " + msg));
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        out.print(report.table());
        if (details != null) {
            try (Writer w = Files.newBufferedWriter(details)) {
                for (EvalReport.DocResult d : report.details()) {
                    w.write(d.toString());
                    w.write('\n');
                }
            }
        }
        return ExitCodes.OK;
    }
}
