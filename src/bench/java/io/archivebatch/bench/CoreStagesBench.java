package io.archivebatch.bench;

import io.archivebatch.Corpus;
import io.archivebatch.core.extract.DateParser;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.output.ArticleCsvFormatter;
import io.archivebatch.core.output.ArticleJsonFormatter;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH microbenchmarks of the hot core stages, to see where a document's time goes: the whole pipeline on a real
 * dump, the date parser on a dateline, and the JSON and CSV formatting of the resulting record. Run by
 * {@code mvn -Pbench -DskipTests verify} after the job benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CoreStagesBench {

    private DocumentProcessor processor;
    private RawDocument seed;
    private RawDocument page;
    private Article article;
    private final DateParser dates = new DateParser();
    private final ArticleJsonFormatter json = new ArticleJsonFormatter();
    private final ArticleCsvFormatter csv = new ArticleCsvFormatter();

    @Setup
    public void setup() throws Exception {
        processor = new DocumentProcessor(CleaningConfig.builtinOnly());
        String s = Files.readString(Corpus.seedDump());
        seed = new RawDocument("seed.txt", null, s, s.length(), List.of());
        String p = Files.readString(Corpus.wcxbDev().resolve("dumps/0050.txt"));
        page = new RawDocument("0050.txt", null, p, p.length(), List.of());
        article = ((Outcome.Accepted) processor.process(seed)).article();
    }

    @Benchmark
    public Outcome pipelineSeedDump() {
        return processor.process(seed);
    }

    @Benchmark
    public Outcome pipelineWcxbPage() {
        return processor.process(page);
    }

    @Benchmark
    public String dateParser() {
        return dates.parse("(Last Updated On: October 9, 2018) KABUL, Afghanistan — posted 2018-10-09");
    }

    @Benchmark
    public String jsonRecord() {
        return json.format(article);
    }

    @Benchmark
    public String csvRecord() {
        return csv.format(article);
    }
}
