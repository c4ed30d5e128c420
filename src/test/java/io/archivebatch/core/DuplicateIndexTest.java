package io.archivebatch.core;

import io.archivebatch.core.dedup.DuplicateIndex;
import io.archivebatch.core.pipeline.Hashing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first article with a body is the original, for any number of articles (the table grows). */
class DuplicateIndexTest {

    @Test
    void marksLaterCopiesWithTheFirstIdAcrossGrowth() {
        DuplicateIndex index = new DuplicateIndex();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            String id = Hashing.sha256("source-" + i).substring(0, 16);
            assertThat(index.register(Hashing.sha256("body " + i), id)).isNull();
        }
        assertThat(index.size()).isEqualTo(n);
        for (int i = 0; i < n; i += 997) {
            String firstId = Hashing.sha256("source-" + i).substring(0, 16);
            String copyId = Hashing.sha256("copy-" + i).substring(0, 16);
            assertThat(index.register(Hashing.sha256("body " + i), copyId)).isEqualTo(firstId);
            // the same article registered again (a restart re-merging) is not its own duplicate
            assertThat(index.register(Hashing.sha256("body " + i), firstId)).isNull();
        }
        assertThat(index.size()).isEqualTo(n);
        // hashes or ids that are not the usual hex strings still work
        assertThat(index.register("not-a-hash", "a")).isNull();
        assertThat(index.register("not-a-hash", "b")).isEqualTo("a");
    }
}
