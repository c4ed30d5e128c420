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

    @Test
    void eachStageHasItsOwnClockAndAnOverrunSaysWhichStage() throws Exception {
        try (TimeLimit limit = new TimeLimit(10_000)) {
            // the second stage runs longer than the first one's limit, within its own: no timeout
            String done = limit.call(stages -> {
                stages.next(3_000, "read");
                Thread.sleep(600);
                return "cleaned";
            }, 200);
            assertThat(done).isEqualTo("cleaned");

            // the first stage overruns its limit
            assertThatThrownBy(() -> limit.call(stages -> {
                Thread.sleep(5_000);
                stages.next(3_000, "read");
                return "cleaned";
            }, 200)).isInstanceOfSatisfying(TimeLimit.Exceeded.class, e -> {
                assertThat(e.stage()).isZero();
                assertThat(e.handedOver()).isNull();
                assertThat(e).hasMessageContaining("200 ms");
            });

            // the second stage overruns its own limit: the caller gets what began it
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> limit.call(stages -> {
                stages.next(300, List.of("a document"));
                while (true) {
                    TimeLimit.checkInterrupted();
                }
            }, 5_000)).isInstanceOfSatisfying(TimeLimit.Exceeded.class, e -> {
                assertThat(e.stage()).isEqualTo(1);
                assertThat(e.handedOver()).isEqualTo(List.of("a document"));
                assertThat(e).hasMessageContaining("300 ms");
            });
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(250L, 4_000L);

            // failures of the work reach the caller as they were thrown
            assertThatThrownBy(() -> limit.call(stages -> {
                stages.next(1_000, null);
                throw new java.io.IOException("disk gone");
            }, 1_000)).isInstanceOf(java.io.IOException.class).hasMessage("disk gone");
        }
    }
}
