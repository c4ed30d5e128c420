package io.archivebatch.batch;

import io.archivebatch.core.dedup.DuplicateIndex;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.output.ArticleCsvFormatter;
import io.archivebatch.core.output.ArticleJsonFormatter;
import io.archivebatch.core.output.ArticleJsonParser;
import io.archivebatch.core.output.DuplicateMarker;
import io.archivebatch.core.output.RecordSchema;
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
import java.security.MessageDigest;
import java.util.HexFormat;
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
 * rendered. Only duplicates are written again: their bytes with {@code duplicate_of} set ({@link DuplicateMarker}).
 * Writes to temporary names and renames, so a restart simply merges again.
 */
public class MergePartsTasklet implements Tasklet {

    /** Job context key of the record schema version the run's part files are written in (absent: version 1). */
    static final String SCHEMA_KEY = "record.schema";

    /** Context key prefix of the SHA-256 of each dataset file, as the merge wrote it. */
    static final String DIGEST_PREFIX = "sha256.";


    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Map<String, Object> params = chunkContext.getStepContext().getJobParameters();
        RunFolders folders = new RunFolders(Path.of((String) params.get(JobParams.OUTPUT)), (String) params.get(JobParams.RUN_NAME));
        StepExecution self = chunkContext.getStepContext().getStepExecution();
        long inputs = self.getJobExecution().getExecutionContext().getLong("inputs.count", 0L);
        int parts = InputRangePartitioner.partitions(inputs);
        int schema = self.getJobExecution().getExecutionContext().getInt(SCHEMA_KEY, 1);
        if (schema != RecordSchema.VERSION) {
            // parts written before an upgrade have other columns: merged, the CSV rows would not line up
            throw new IllegalStateException("this run was started by a version of archive-batch that writes record "
                    + "schema " + schema + "; this one writes schema " + RecordSchema.VERSION
                    + ": finish the run with that version, or start a new run (its inputs are read again)");
        }
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
        byte[] buffer = new byte[1 << 16];
        // byte copies of the parts (decoded only for a duplicate, which gets its duplicate_of), hashed as they are
        // written: the manifest takes these digests instead of reading the files again
        MessageDigest articleDigest = sha256();
        MessageDigest csvDigest = sha256();
        MessageDigest rejectDigest = sha256();
        // the JSON Lines and the CSV file are each written and hashed on a thread of their own; this one reads the parts
        // (in blocks of a megabyte, around the page cache where the file system allows: DirectFileOutputStream)
        try (OutputStream a = new HandOffOutputStream(directOutput(ds.resolve(DatasetItemWriter.ARTICLES), articleDigest), "archive-batch-merge-json");
             OutputStream c = new HandOffOutputStream(directOutput(ds.resolve(DatasetItemWriter.CSV), csvDigest), "archive-batch-merge-csv");
             BufferedWriter r = new BufferedWriter(new OutputStreamWriter(
                     output(ds.resolve(DatasetItemWriter.REJECTS), rejectDigest), StandardCharsets.UTF_8), 1 << 16)) {
            c.write(csv.header().getBytes(StandardCharsets.UTF_8));
            for (int k = 0; k < parts; k++) {
                Path part = folders.part(k);
                try (java.io.InputStream in = input(part.resolve(DatasetItemWriter.ARTICLES));
                     BufferedReader entries = reader(part.resolve(DatasetItemWriter.CSV_ROWS));
                     java.io.InputStream rows = input(part.resolve(DatasetItemWriter.CSV_PART))) {
                    for (String entry; (entry = entries.readLine()) != null; ) {
                        if (entry.isEmpty()) {
                            continue;
                        }
                        IndexLine x = IndexLine.parse(entry, part);
                        Entry e = x.complete() ? null : read(x, in, rows, part); // an earlier version's: hash and id in the line
                        String first = e == null ? index.register(x.contentSha256(), x.id()) : index.register(e.contentSha256(), e.id());
                        if (first == null && e == null) {
                            // the common case: the part's bytes copied through one buffer, no parsing
                            copy(rows, c, x.rowLength(), buffer, part);
                            copy(in, a, x.jsonLength() + 1L, buffer, part);
                        } else if (first == null) {
                            a.write(e.line());
                            c.write(e.row());
                        } else {
                            Entry whole = e != null ? e : read(x, in, rows, part);
                            // the written bytes with duplicate_of set; parsed and formatted again only if that fails
                            byte[] line = DuplicateMarker.json(whole.line(), first);
                            byte[] row = line == null ? null : DuplicateMarker.csv(whole.row(), first);
                            if (row != null) {
                                a.write(line);
                                c.write(row);
                            } else {
                                byte[] l = whole.line();
                                Article art = parser.parse(new String(l, 0, l.length - 1, StandardCharsets.UTF_8))
                                        .withDuplicateOf(first);
                                a.write(json.format(art).getBytes(StandardCharsets.UTF_8));
                                a.write('\n');
                                c.write(csv.format(art).getBytes(StandardCharsets.UTF_8));
                            }
                            duplicates++;
                        }
                        articles++;
                        read++;
                    }
                    if (in.read() >= 0) {
                        throw new IOException("the articles of " + part + " go on past its index");
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
        ctx.putString(DIGEST_PREFIX + DatasetItemWriter.ARTICLES, HexFormat.of().formatHex(articleDigest.digest()));
        ctx.putString(DIGEST_PREFIX + DatasetItemWriter.CSV, HexFormat.of().formatHex(csvDigest.digest()));
        ctx.putString(DIGEST_PREFIX + DatasetItemWriter.REJECTS, HexFormat.of().formatHex(rejectDigest.digest()));
        contribution.incrementWriteCount(articles);
        return RepeatStatus.FINISHED;
    }

    /** One article of a part: its CSV row, its JSON line with the newline, its body hash and id. */
    record Entry(byte[] row, byte[] line, String contentSha256, String id) {
    }

    /**
     * A line of a part's index: "CSV length, JSON length, content hash, id" (tab-separated), or the CSV row's length
     * alone as earlier versions wrote it (a run they started and this one resumes; {@code jsonLength} -1: the JSON
     * line is read to its newline, and its hash and id from it).
     */
    record IndexLine(int rowLength, int jsonLength, String contentSha256, String id) {

        static IndexLine parse(String line, Path part) throws IOException {
            try {
                int t1 = line.indexOf('\t');
                if (t1 < 0) {
                    int row = Integer.parseInt(line);
                    if (row >= 0) {
                        return new IndexLine(row, -1, null, null);
                    }
                } else {
                    int t2 = line.indexOf('\t', t1 + 1);
                    int t3 = t2 < 0 ? -1 : line.indexOf('\t', t2 + 1);
                    if (t3 >= 0 && line.indexOf('\t', t3 + 1) < 0) {
                        int row = Integer.parseInt(line, 0, t1, 10);
                        int json = Integer.parseInt(line, t1 + 1, t2, 10);
                        if (row >= 0 && json >= 0) {
                            return new IndexLine(row, json, emptyAsNull(line.substring(t2 + 1, t3)), emptyAsNull(line.substring(t3 + 1)));
                        }
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IOException("a malformed line in " + part.resolve(DatasetItemWriter.CSV_ROWS) + ": " + line);
        }

        boolean complete() {
            return jsonLength >= 0;
        }
    }

    /** Reads the article an index line describes (for tests and duplicates; the merge copies the others as bytes). */
    static Entry entry(String index, java.io.InputStream articles, java.io.InputStream rows, Path part) throws IOException {
        return read(IndexLine.parse(index, part), articles, rows, part);
    }

    private static Entry read(IndexLine x, java.io.InputStream articles, java.io.InputStream rows, Path part) throws IOException {
        byte[] row = readExactly(rows, x.rowLength(), part);
        if (x.complete()) {
            return new Entry(row, readExactly(articles, x.jsonLength() + 1, part), x.contentSha256(), x.id());
        }
        byte[] line = readLine(articles, part);
        String text = new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
        return new Entry(row, line, field(text, "content_sha256"), field(text, "id"));
    }

    /** Copies exactly {@code n} bytes through {@code buffer}. */
    private static void copy(java.io.InputStream in, OutputStream out, long n, byte[] buffer, Path part) throws IOException {
        while (n > 0) {
            int k = in.read(buffer, 0, (int) Math.min(n, buffer.length));
            if (k < 0) {
                throw new IOException("the part files of " + part + " end before their index");
            }
            out.write(buffer, 0, k);
            n -= k;
        }
    }

    /** The next line of a part's articles, with its newline. */
    private static byte[] readLine(java.io.InputStream in, Path part) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(4096);
        for (int c; (c = in.read()) >= 0; ) {
            b.write(c);
            if (c == '\n') {
                return b.toByteArray();
            }
        }
        throw new IOException("the articles of " + part + " end before their index");
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

    private static String emptyAsNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static byte[] readExactly(java.io.InputStream in, int n, Path part) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("the part files of " + part + " end before their index");
        }
        return b;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputStream output(Path p, MessageDigest digest) throws IOException {
        return new java.io.BufferedOutputStream(new java.security.DigestOutputStream(Files.newOutputStream(p), digest), 1 << 16);
    }

    private static OutputStream directOutput(Path p, MessageDigest digest) throws IOException {
        return new java.security.DigestOutputStream(new DirectFileOutputStream(p), digest);
    }

    private static java.io.InputStream input(Path p) throws IOException {
        return Files.exists(p) ? new java.io.BufferedInputStream(Files.newInputStream(p), 1 << 16) : java.io.InputStream.nullInputStream();
    }

    private static BufferedReader reader(Path p) throws IOException {
        return Files.exists(p) ? Files.newBufferedReader(p, StandardCharsets.UTF_8) : new BufferedReader(java.io.Reader.nullReader());
    }


}
