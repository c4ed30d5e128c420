package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.RejectedInputException;
import io.archivebatch.core.ingest.TextDumpReader;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.Rejection;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one input and runs the core pipeline on it. Every input yields an outcome: an article, or a rejection with
 * its reason (unreadable, binary, empty, too large, or an unexpected error of the pipeline on that document).
 */
public class DocumentItemProcessor implements ItemProcessor<InputFile, Outcome> {

    private final TextDumpReader reader;
    private final DocumentProcessor processor;
    private final long failAfter;
    private final AtomicLong processed;

    /**
     * @param failAfter fault injection for restart tests: throw after this many documents in this run, counted
     *                  over all partitions (property {@code archive-batch.test.fail-after}); 0 disables it
     * @param processed the run's shared count of documents processed
     */
    public DocumentItemProcessor(TextDumpReader reader, DocumentProcessor processor, long failAfter, AtomicLong processed) {
        this.reader = reader;
        this.processor = processor;
        this.failAfter = failAfter;
        this.processed = processed;
    }

    @Override
    public Outcome process(InputFile file) {
        if (failAfter > 0 && processed.incrementAndGet() > failAfter) {
            throw new IllegalStateException("injected failure after " + failAfter + " documents (archive-batch.test.fail-after)");
        }
        try {
            return processor.process(reader.read(file));
        } catch (RejectedInputException e) {
            return Outcome.of(e.toRejection(file.source()));
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.of(new Rejection(file.source(), "processing_error", e.toString()));
        }
    }
}
