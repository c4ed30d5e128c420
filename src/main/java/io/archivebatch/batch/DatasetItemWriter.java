package io.archivebatch.batch;

import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.output.ArticleJsonFormatter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends each chunk to {@code articles.jsonl} and {@code rejects.jsonl} in a partition's part folder, with the
 * articles' CSV rows ({@code articles.csv.part}, and each row's byte length in {@code articles.csv.rows}, so the
 * merge copies rows without parsing them again), and forces them to disk; the byte length of each file is saved with the chunk's commit. On restart every file is
 * cut back to its committed length, so records of a chunk that did not commit are written again exactly once.
 * Duplicates across the run are marked by the merge.
 */
public class DatasetItemWriter implements ItemStreamWriter<java.util.List<Outcome>> {

    static final String ARTICLES = "articles.jsonl";
    static final String CSV = "articles.csv";
    static final String REJECTS = "rejects.jsonl";
    static final String CSV_PART = "articles.csv.part";
    static final String CSV_ROWS = "articles.csv.rows";

    private final Path dir;

    private final ArticleJsonFormatter json = new ArticleJsonFormatter();
    private final io.archivebatch.core.output.ArticleCsvFormatter csv = new io.archivebatch.core.output.ArticleCsvFormatter();
    private FileChannel articles;
    private FileChannel rejects;
    private FileChannel csvRows;
    private FileChannel csvLengths;
    private long articleCount;
    private final Map<String, Long> rejectReasons = new TreeMap<>();

    /** @param dir the folder of the files (a partition's part folder) */
    public DatasetItemWriter(Path dir) {
        this.dir = dir;
    }

    @Override
    public void open(ExecutionContext ctx) {
        try {
            java.nio.file.Files.createDirectories(dir);
            articles = open(ARTICLES, ctx);
            rejects = open(REJECTS, ctx);
            csvRows = open(CSV_PART, ctx);
            csvLengths = open(CSV_ROWS, ctx);
            articleCount = ctx.getLong(ProcessCounters.ARTICLES, 0L);
            rejectReasons.putAll(ProcessCounters.rejectsByReason(ctx));
        } catch (IOException e) {
            throw new ItemStreamException("cannot open the output files in " + dir, e);
        }
    }

    private FileChannel open(String name, ExecutionContext ctx) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        String key = "bytes." + name;
        long committed = ctx.containsKey(key) ? ctx.getLong(key) : 0L;
        if (ch.size() > committed) {
            ch.truncate(committed);
        } else if (ch.size() < committed) {
            throw new ItemStreamException(name + " is shorter (" + ch.size() + " bytes) than its committed length "
                    + committed + ": the staging folder was changed outside the job");
        }
        ch.position(committed);
        return ch;
    }

    @Override
    public void write(Chunk<? extends java.util.List<Outcome>> chunk) throws IOException {
        StringBuilder a = new StringBuilder();
        StringBuilder r = new StringBuilder();
        java.io.ByteArrayOutputStream c = new java.io.ByteArrayOutputStream();
        StringBuilder lengths = new StringBuilder();
        for (Outcome o : (Iterable<Outcome>) chunk.getItems().stream().flatMap(java.util.List::stream)::iterator) {
            if (o instanceof Outcome.Accepted acc) {
                a.append(json.format(acc.article())).append('\n');
                byte[] row = csv.format(acc.article()).getBytes(StandardCharsets.UTF_8);
                c.writeBytes(row);
                lengths.append(row.length).append('\n');
                articleCount++;
            } else if (o instanceof Outcome.Rejected rej) {
                r.append(json.format(rej.rejection())).append('\n');
                rejectReasons.merge(rej.rejection().reason(), 1L, Long::sum);
            }
        }
        append(articles, a);
        append(rejects, r);
        append(csvRows, ByteBuffer.wrap(c.toByteArray()));
        append(csvLengths, lengths);
    }

    private static void append(FileChannel ch, StringBuilder sb) throws IOException {
        if (sb.length() > 0) {
            append(ch, ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void append(FileChannel ch, ByteBuffer buf) throws IOException {
        if (!buf.hasRemaining()) {
            return;
        }
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        ch.force(false);
    }

    @Override
    public void update(ExecutionContext ctx) {
        try {
            ctx.putLong("bytes." + ARTICLES, articles.position());
            ctx.putLong("bytes." + REJECTS, rejects.position());
            ctx.putLong("bytes." + CSV_PART, csvRows.position());
            ctx.putLong("bytes." + CSV_ROWS, csvLengths.position());
        } catch (IOException e) {
            throw new ItemStreamException("cannot read the output positions", e);
        }
        ctx.putLong(ProcessCounters.ARTICLES, articleCount);
        ProcessCounters.putRejects(ctx, rejectReasons);
    }

    @Override
    public void close() {
        for (FileChannel ch : new FileChannel[]{articles, rejects, csvRows, csvLengths}) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already forced to disk after each chunk
                }
            }
        }
        articles = rejects = csvRows = csvLengths = null;
    }
}
