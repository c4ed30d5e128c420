package io.archivebatch.batch;

import io.archivebatch.core.dedup.DuplicateIndex;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.output.ArticleJsonFormatter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends each chunk to {@code articles.jsonl} and {@code rejects.jsonl} in a partition's part folder
 * and forces them to disk; the byte length of each file is saved with the chunk's commit. On restart every file is
 * cut back to its committed length, so records of a chunk that did not commit are written again exactly once.
 * Exact duplicates get {@code duplicate_of}; the index is rebuilt from the committed records on restart.
 */
public class DatasetItemWriter implements ItemStreamWriter<Outcome> {

    static final String ARTICLES = "articles.jsonl";
    static final String CSV = "articles.csv";
    static final String REJECTS = "rejects.jsonl";

    private final Path dir;
    private final boolean markDuplicates;
    private final ArticleJsonFormatter json = new ArticleJsonFormatter();
    private FileChannel articles;
    private FileChannel rejects;
    private DuplicateIndex duplicates;
    private long articleCount;
    private long duplicateCount;
    private final Map<String, Long> rejectReasons = new TreeMap<>();

    /**
     * @param dir            the folder of the files (a partition's part folder)
     * @param markDuplicates whether to fill {@code duplicate_of} here (false when the merge does it across parts)
     */
    public DatasetItemWriter(Path dir, boolean markDuplicates) {
        this.dir = dir;
        this.markDuplicates = markDuplicates;
    }

    @Override
    public void open(ExecutionContext ctx) {
        try {
            java.nio.file.Files.createDirectories(dir);
            articles = open(ARTICLES, ctx);
            rejects = open(REJECTS, ctx);
            articleCount = ctx.getLong(ProcessCounters.ARTICLES, 0L);
            duplicateCount = ctx.getLong(ProcessCounters.DUPLICATES, 0L);
            rejectReasons.putAll(ProcessCounters.rejectsByReason(ctx));
            duplicates = markDuplicates ? rebuildIndex() : null;
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

    private DuplicateIndex rebuildIndex() throws IOException {
        DuplicateIndex index = new DuplicateIndex();
        if (articles.size() == 0) {
            return index;
        }
        JsonMapper mapper = JsonMapper.builder().build();
        articles.position(0);
        BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(articles), StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            JsonNode n = mapper.readTree(line);
            index.register(n.get("content_sha256").asString(), n.get("id").asString());
        }
        articles.position(articles.size());
        return index;
    }

    @Override
    public void write(Chunk<? extends Outcome> chunk) throws IOException {
        StringBuilder a = new StringBuilder();
        StringBuilder r = new StringBuilder();
        for (Outcome o : chunk) {
            if (o instanceof Outcome.Accepted acc) {
                Article art = acc.article();
                String first = duplicates == null ? null : duplicates.register(art.contentSha256(), art.id());
                if (first != null) {
                    art = art.withDuplicateOf(first);
                    duplicateCount++;
                }
                a.append(json.format(art)).append('\n');
                articleCount++;
            } else if (o instanceof Outcome.Rejected rej) {
                r.append(json.format(rej.rejection())).append('\n');
                rejectReasons.merge(rej.rejection().reason(), 1L, Long::sum);
            }
        }
        append(articles, a);
        append(rejects, r);
    }

    private static void append(FileChannel ch, StringBuilder sb) throws IOException {
        if (sb.length() == 0) {
            return;
        }
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
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
        } catch (IOException e) {
            throw new ItemStreamException("cannot read the output positions", e);
        }
        ctx.putLong(ProcessCounters.ARTICLES, articleCount);
        ctx.putLong(ProcessCounters.DUPLICATES, duplicateCount);
        ProcessCounters.putRejects(ctx, rejectReasons);
    }

    @Override
    public void close() {
        for (FileChannel ch : new FileChannel[]{articles, rejects}) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already forced to disk after each chunk
                }
            }
        }
        articles = rejects = null;
    }
}
