package io.archivebatch.cli;

import io.archivebatch.core.learn.TitleTrainer;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train-title", mixinStandardHelpOptions = true,
        description = {"Learns the headline model from a labelled set and writes it as a TSV resource; prints the",
                "cross-validated accuracy. Developers use it to refresh src/main/resources/io/archivebatch/core/title-model.tsv",
                "(text dumps) or, with --html, html-title-model.tsv (the chooser among an HTML page's headlines)."})
public class TrainTitleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "The labelled set.")
    Path gold;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model.")
    Path out;

    @Option(names = "--html", description = "Learn the HTML headline chooser from DIR/html instead of the text dumps.")
    boolean html;

    @Override
    public Integer call() throws IOException {
        if (html) {
            if (!Files.isDirectory(gold.resolve("html"))) {
                throw new UsageException("not a labelled set with pages (needs gold/ and html/): " + gold);
            }
            io.archivebatch.core.learn.HtmlTitleTrainer.Result r = new io.archivebatch.core.learn.HtmlTitleTrainer()
                    .train(gold, msg -> spec.commandLine().getErr().println("train-title: " + msg));
            try (Writer w = Files.newBufferedWriter(out)) {
                r.model().write(w);
            }
            spec.commandLine().getOut().println(r.summary());
            return ExitCodes.OK;
        }
        if (!Files.isDirectory(gold.resolve("gold"))) {
            throw new UsageException("not a labelled set (needs gold/ and dumps/): " + gold);
        }
        TitleTrainer.Result r = new TitleTrainer().train(gold, new DocumentProcessor(CleaningConfig.builtinOnly()),
                msg -> spec.commandLine().getErr().println("train-title: " + msg));
        try (Writer w = Files.newBufferedWriter(out)) {
            r.model().write(w);
        }
        spec.commandLine().getOut().println(r.summary());
        return ExitCodes.OK;
    }
}
