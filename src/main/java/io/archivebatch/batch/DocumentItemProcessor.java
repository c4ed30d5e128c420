package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.TimeLimit;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one input (a dump, or every record of an export) and runs the core pipeline on each document. Every input
 * yields outcomes: articles, or rejections with their reasons (unreadable, binary, empty, too large, invalid JSON or
 * CSV, or an unexpected error of the pipeline on that document). Each document has a time limit
 * ({@code --max-seconds-per-document}); a document over it becomes a {@code timeout} reject.
 * <p>
 * As a chunk listener it cleans the whole chunk before the step asks for its items one by one
 * ({@link #beforeChunk(Chunk)}: the step has read the chunk by then), in one hand-off to the worker thread
 * ({@link ChunkCleaning}); {@link #process} then hands out the outcomes. An item it was not given ahead is cleaned
 * alone.
 */
public class DocumentItemProcessor implements ItemProcessor<InputFile, List<Outcome>>, ChunkListener<InputFile, List<Outcome>> {

    private final long failAfter;
    private final AtomicLong processed;
    private final ThreadLocal<TimeLimit> limits;
    private final InputReaders readers;
    private final java.util.function.Function<RawDocument, Outcome> processor;
    private final long limitMillis;
    private ChunkCleaning cleaning;
    /** the outcomes of the current chunk's inputs not handed out yet, in the chunk's order */
    private final ArrayDeque<Cleaned> ahead = new ArrayDeque<>();

    /**
     * @param failAfter fault injection for restart tests: throw after this many documents in this run, counted
     *                  over all partitions (property {@code archive-batch.test.fail-after}); 0 disables it
     * @param processed the run's shared count of documents processed
     */
    public DocumentItemProcessor(InputReaders readers, java.util.function.Function<RawDocument, Outcome> processor, long failAfter, AtomicLong processed,
                                 long limitMillis) {
        this.readers = readers;
        this.processor = processor;
        this.failAfter = failAfter;
        this.processed = processed;
        this.limitMillis = limitMillis;
        this.limits = ThreadLocal.withInitial(() -> new TimeLimit(limitMillis));
        this.cleaning = new ChunkCleaning(readers, processor, limitMillis, null);
    }

    /** Takes the documents the profile step already read from these inputs, where it kept them. */
    DocumentItemProcessor withReadCache(ReadCache cache) {
        this.cleaning = new ChunkCleaning(readers, processor, limitMillis, cache);
        return this;
    }

    private record Cleaned(InputFile file, List<Outcome> outcomes) {
    }

    @Override
    public void beforeChunk(Chunk<InputFile> chunk) {
        List<InputFile> files = chunk.getItems();
        if (!ahead.isEmpty() && !files.isEmpty() && ahead.peek().file() == files.get(0)) {
            return; // given already (a listener registered twice)
        }
        ahead.clear();
        if (files.isEmpty()) {
            return;
        }
        List<Outcome>[] outcomes;
        try {
            outcomes = cleaning.run(files, limits.get());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cleaning a chunk of " + files.size() + " inputs failed", e);
        }
        for (int i = 0; i < files.size(); i++) {
            ahead.add(new Cleaned(files.get(i), outcomes[i]));
        }
    }

    @Override
    public List<Outcome> process(InputFile file) throws Exception {
        if (failAfter > 0 && processed.incrementAndGet() > failAfter) {
            throw new IllegalStateException("injected failure after " + failAfter + " documents (archive-batch.test.fail-after)");
        }
        Cleaned next = ahead.poll();
        if (next != null && next.file() == file) {
            return next.outcomes();
        }
        ahead.clear(); // not this chunk's order: clean each item alone from here on
        return cleaning.run(List.of(file), limits.get())[0];
    }

    @Override
    public void onChunkError(Exception exception, Chunk<List<Outcome>> chunk) {
        ahead.clear();
    }
}
