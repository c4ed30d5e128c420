package io.archivebatch.core;

import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import io.archivebatch.core.pipeline.TimeLimit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Work over the limit is given up at the limit, its worker ends at its next check, and the next document runs. */
class TimeLimitTest {

    @Test
    void workOverTheLimitIsCutAndTheWorkerEnds() throws Exception {
        Thread[] worker = new Thread[1];
        DocumentProcessor processor = new DocumentProcessor(CleaningConfig.builtinOnly());
        String text = "Harbor Gazette\n\nThe harbour authority said on Tuesday that the new ferry terminal will open in "
                + "the spring, after two years of building work and a long dispute over the cost.\n\nShare this";
        RawDocument doc = new RawDocument("t.txt", null, text, text.length(), List.of());
        processor.process(doc); // warm: the first document loads the models
        try (TimeLimit limit = new TimeLimit(300)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> limit.call(() -> {
                worker[0] = Thread.currentThread();
                long spins = 0;
                while (true) { // a loop of the pipeline that would not end by itself
                    TimeLimit.checkInterrupted();
                    spins++;
                }
            })).isInstanceOf(TimeLimit.Exceeded.class).hasMessageContaining("300 ms");
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(250L, 5_000L);
            worker[0].join(5_000);
            assertThat(worker[0].isAlive()).isFalse();

            // a fresh worker takes the next document, a real one, well inside the limit
            var outcome = limit.call(() -> processor.process(doc));
            assertThat(outcome.toString()).contains("ferry terminal");
        }
    }
}
