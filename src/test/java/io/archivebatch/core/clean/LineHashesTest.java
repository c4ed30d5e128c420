package io.archivebatch.core.clean;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The chrome line set answers as a {@code HashSet<Long>} of the same hashes, zero and repeats included. */
class LineHashesTest {

    @Test
    void containsWhatASetOfTheSameHashesContains() {
        Random rnd = new Random(15);
        for (int size : new int[]{0, 1, 2, 7, 8, 9, 50, 1000, 20_000}) {
            List<Long> hashes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                // real line hashes, hashes that share their low bits (one slot), zero, and repeats
                long h = switch (i % 4) {
                    case 0 -> SiteProfiles.hash("line " + rnd.nextInt());
                    case 1 -> (long) rnd.nextInt(1000) << 40;
                    case 2 -> i % 8 == 2 ? 0 : rnd.nextLong();
                    default -> hashes.get(rnd.nextInt(hashes.size()));
                };
                hashes.add(h);
            }
            Set<Long> expected = new HashSet<>(hashes);
            LineHashes set = LineHashes.of(hashes);
            assertThat(set.size()).isEqualTo(expected.size());
            assertThat(set.isEmpty()).isEqualTo(expected.isEmpty());
            for (long h : hashes) {
                assertThat(set.contains(h)).isTrue();
            }
            for (int k = 0; k < 20_000; k++) {
                long probe = k % 2 == 0 ? rnd.nextLong() : (long) rnd.nextInt(1000) << 40;
                assertThat(set.contains(probe)).isEqualTo(expected.contains(probe));
            }
            assertThat(set.contains(0)).isEqualTo(expected.contains(0L));
        }
        assertThat(LineHashes.EMPTY.contains(0)).isFalse();
    }
}
