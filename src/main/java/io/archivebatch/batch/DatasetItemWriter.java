package io.archivebatch.batch;

import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.output.ArticleJsonFormatter;
import io.archivebatch.core.output.BodyEscape;
import io.archivebatch.core.output.RecordBuffer;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends each chunk to {@code articles.jsonl} and {@code rejects.jsonl} in a partition's part folder, with the
 * articles' CSV rows ({@code articles.csv.part}) and an index line per article in {@code articles.csv.rows} (the
 * byte lengths of its CSV row and JSON line, its {@code content_sha256} and {@code id}), so the merge copies both as
 * bytes without decoding or parsing them; and forces them to disk. The byte length of each file is saved with the
 * chunk's commit. On restart every file is cut back to its committed length, so records of a chunk that did not
 * commit are written again exactly once. Duplicates across the run are marked by the merge.
 */
public class DatasetItemWriter implements ItemStreamWriter<java.util.List<Outcome>> {

    static final String ARTICLES = "articles.jsonl";
    static final String CSV = "articles.csv";
    static final String REJECTS = "rejects.jsonl";
    static final String CSV_PART = "articles.csv.part";
    static final String CSV_ROWS = "articles.csv.rows";

    private static final int BUFFER = 1 << 16;

    private final Path dir;

    private final ArticleJsonFormatter json = new ArticleJsonFormatter();
    private final io.archivebatch.core.output.ArticleCsvFormatter csv = new io.archivebatch.core.output.ArticleCsvFormatter();
    /** one record at a time, as UTF-8 straight from a reused buffer */
    private final RecordBuffer record = new RecordBuffer();
    private FileChannel articles;
    private FileChannel rejects;
    private FileChannel csvRows;
    private FileChannel csvLengths;
    private java.io.OutputStream articlesOut;
    private java.io.Writer rejectsOut;
    private java.io.OutputStream csvOut;
    private java.io.Writer lengthsOut;
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
            articlesOut = output(articles);
            rejectsOut = writer(rejects);
            csvOut = output(csvRows);
            lengthsOut = writer(csvLengths);
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
        for (java.util.List<Outcome> outcomes : chunk.getItems()) {
            for (Outcome o : outcomes) {
                if (o instanceof Outcome.Accepted acc) {
                    // the body, most of a record's bytes, is encoded once for both files (by the processor, which hashed
                    // those bytes), and escaped as bytes
                    String text = acc.article().body();
                    byte[] body = acc.bodyUtf8() != null ? acc.bodyUtf8()
                            : text == null ? null : text.getBytes(StandardCharsets.UTF_8);
                    json.writeAroundBody(acc.article(), body != null, record.reset());
                    int line = record.writeUtf8(articlesOut, body, BodyEscape.JSON);
                    articlesOut.write('\n');
                    csv.writeAroundBody(acc.article(), body != null, record.reset());
                    int row = record.writeUtf8(csvOut, body, BodyEscape.CSV);
                    lengthsOut.write(row + "\t" + line + "\t" + nullAsEmpty(acc.article().contentSha256())
                            + "\t" + nullAsEmpty(acc.article().id()) + "\n");
                    articleCount++;
                } else if (o instanceof Outcome.Rejected rej) {
                    rejectsOut.write(json.format(rej.rejection()));
                    rejectsOut.write('\n');
                    rejectReasons.merge(rej.rejection().reason(), 1L, Long::sum);
                }
            }
        }
        // through small buffers (no chunk-sized strings: with a small heap those are humongous objects for G1),
        // then to disk before the chunk commits
        articlesOut.flush();
        rejectsOut.flush();
        csvOut.flush();
        lengthsOut.flush();
        for (FileChannel ch : new FileChannel[]{articles, rejects, csvRows, csvLengths}) {
            ch.force(false);
        }
    }

    private static String nullAsEmpty(String s) {
        return s == null ? "" : s;
    }

    private static java.io.Writer writer(FileChannel ch) {
        return new java.io.OutputStreamWriter(output(ch), StandardCharsets.UTF_8);
    }

    private static java.io.OutputStream output(FileChannel ch) {
        return new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), BUFFER);
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
        rejectsOut = lengthsOut = null;
        articlesOut = csvOut = null;
    }
}
