package io.archivebatch.cli;

import io.archivebatch.core.learn.BlockTrainer;
import io.archivebatch.core.pipeline.CleaningConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train-blocks", mixinStandardHelpOptions = true,
        description = {"Learns the block classifier from a labelled set, prints its 5-fold cross-validated scores",
                "(each page cleaned by a model that never saw it) and writes block-model-1.tsv, block-model-2.tsv and",
                "block-lexicon.tsv into DIR. Developers use it to refresh src/main/resources/io/archivebatch/core/."})
public class TrainBlocksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "The labelled set.")
    Path gold;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the two model files.")
    Path out;

    @Option(names = "--details", paramLabel = "FILE",
            description = "Write the cross-validated figures of each page (text dumps) to FILE, one line a page.")
    Path details;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(gold.resolve("gold"))) {
            throw new UsageException("not a labelled set (needs gold/ and dumps/): " + gold);
        }
        BlockTrainer.Result r = new BlockTrainer().train(gold, CleaningConfig.heuristicOnly(),
                msg -> spec.commandLine().getErr().println("train-blocks: " + msg));
        Files.createDirectories(out);
        try (Writer w = Files.newBufferedWriter(out.resolve("block-model-1.tsv"))) {
            r.model().stage1().write(w);
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("block-model-2.tsv"))) {
            r.model().stage2().write(w);
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("block-lexicon.tsv"))) {
            r.model().lexicon().write(w);
        }
        spec.commandLine().getOut().printf("block model: %d pages, %d blocks; 5-fold cross-validated:%n", r.pages(), r.blocks());
        spec.commandLine().getOut().print(r.crossValidated().table());
        if (details != null) {
            try (Writer w = Files.newBufferedWriter(details)) {
                for (var d : r.crossValidated().details()) {
                    w.write(d.toString());
                    w.write('\n');
                }
            }
        }
        if (r.crossValidatedHtml() != null) {
            spec.commandLine().getOut().print(r.crossValidatedHtml().table());
        }
        return ExitCodes.OK;
    }
}
