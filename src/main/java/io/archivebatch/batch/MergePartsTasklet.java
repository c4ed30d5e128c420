package io.archivebatch.batch;

import io.archivebatch.core.dedup.DuplicateIndex;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.output.ArticleCsvFormatter;
import io.archivebatch.core.output.ArticleJsonFormatter;
import io.archivebatch.core.output.ArticleJsonParser;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * After the partitions: concatenates the part files in range order into the run's dataset folder — the same
 * records in the same order for any number of threads — marking exact duplicates across the whole run
 * ({@code duplicate_of} = id of the first article with the same body) and concatenating the CSV rows the writer
 * rendered. Only duplicates are parsed and written again. Writes to temporary names and renames, so a restart simply merges again.
 */
public class MergePartsTasklet implements Tasklet {

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Map<String, Object> params = chunkContext.getStepContext().getJobParameters();
        RunFolders folders = new RunFolders(Path.of((String) params.get(JobParams.OUTPUT)), (String) params.get(JobParams.RUN_NAME));
        StepExecution self = chunkContext.getStepContext().getStepExecution();
        long inputs = self.getJobExecution().getExecutionContext().getLong("inputs.count", 0L);
        int parts = InputRangePartitioner.partitions(inputs);
        Path ds = folders.dataset();
        if (Files.exists(ds)) {
            try (Stream<Path> s = Files.walk(ds)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(ds);
        ArticleJsonParser parser = new ArticleJsonParser();
        ArticleJsonFormatter json = new ArticleJsonFormatter();
        ArticleCsvFormatter csv = new ArticleCsvFormatter();
        JsonMapper mapper = JsonMapper.builder().build();
        DuplicateIndex index = new DuplicateIndex();
        long articles = 0;
        long duplicates = 0;
        long read = 0;
        Map<String, Long> reasons = new TreeMap<>();
        try (BufferedWriter a = writer(ds.resolve(DatasetItemWriter.ARTICLES));
             OutputStream c = new java.io.BufferedOutputStream(Files.newOutputStream(ds.resolve(DatasetItemWriter.CSV)), 1 << 16);
             BufferedWriter r = writer(ds.resolve(DatasetItemWriter.REJECTS))) {
            c.write(csv.header().getBytes(StandardCharsets.UTF_8));
            for (int k = 0; k < parts; k++) {
                Path part = folders.part(k);
                try (BufferedReader in = reader(part.resolve(DatasetItemWriter.ARTICLES));
                     BufferedReader lengths = reader(part.resolve(DatasetItemWriter.CSV_ROWS));
                     java.io.InputStream rows = rows(part.resolve(DatasetItemWriter.CSV_PART))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        String length = lengths.readLine();
                        if (length == null) {
                            throw new IOException("the CSV rows of " + part + " end before its articles");
                        }
                        byte[] row = rows.readNBytes(Integer.parseInt(length));
                        String first = index.register(field(line, "content_sha256"), field(line, "id"));
                        if (first == null) {
                            // the common case: the part's own bytes, no parsing
                            a.write(line);
                            c.write(row);
                        } else {
                            Article art = parser.parse(line).withDuplicateOf(first);
                            a.write(json.format(art));
                            c.write(csv.format(art).getBytes(StandardCharsets.UTF_8));
                            duplicates++;
                        }
                        a.write('\n');
                        articles++;
                        read++;
                    }
                }
                try (BufferedReader in = reader(part.resolve(DatasetItemWriter.REJECTS))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        r.write(line);
                        r.write('\n');
                        reasons.merge(mapper.readTree(line).get("reason").asString(), 1L, Long::sum);
                        read++;
                    }
                }
            }
        }
        for (String f : new String[]{DatasetItemWriter.ARTICLES, DatasetItemWriter.CSV, DatasetItemWriter.REJECTS}) {
            try (FileChannel ch = FileChannel.open(ds.resolve(f), StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        Files.copy(folders.inputList(), ds.resolve("inputs.tsv"), StandardCopyOption.REPLACE_EXISTING);
        if (Files.exists(folders.profile())) {
            Files.copy(folders.profile(), ds.resolve("profile.tsv"), StandardCopyOption.REPLACE_EXISTING);
        }
        ExecutionContext ctx = self.getExecutionContext();
        ctx.putLong(InputListItemReader.KEY, read);
        ctx.putLong(ProcessCounters.ARTICLES, articles);
        ctx.putLong(ProcessCounters.DUPLICATES, duplicates);
        ProcessCounters.putRejects(ctx, reasons);
        contribution.incrementWriteCount(articles);
        return RepeatStatus.FINISHED;
    }

    /**
     * A top-level string field of a record line as the formatter wrote it. Inside a JSON string every quote is
     * escaped, so {@code ,"name":"} (or the opening {@code {"name":"}) only occurs where the field starts.
     */
    static String field(String line, String name) throws IOException {
        String key = "\"" + name + "\":\"";
        int at = line.startsWith("{" + key) ? 1 : line.lastIndexOf("," + key) + 1;
        if (at <= 0) {
            throw new IOException("a record without " + name + ": " + line.substring(0, Math.min(80, line.length())));
        }
        int start = at + key.length();
        int end = line.indexOf('"', start);
        return line.substring(start, end);
    }

    private static java.io.InputStream rows(Path p) throws IOException {
        return Files.exists(p) ? new java.io.BufferedInputStream(Files.newInputStream(p), 1 << 16) : java.io.InputStream.nullInputStream();
    }

    private static BufferedReader reader(Path p) throws IOException {
        return Files.exists(p) ? Files.newBufferedReader(p, StandardCharsets.UTF_8) : new BufferedReader(java.io.Reader.nullReader());
    }

    private static BufferedWriter writer(Path p) throws IOException {
        OutputStream out = Files.newOutputStream(p);
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

}
