package io.archivebatch.core.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The word index numbers words as a map from word to first-seen position would, through growth and shared hashes. */
class WordIndexTest {

    @Test
    void numbersWordsInTheOrderTheyComeAndFindsThemAgain() throws Exception {
        WordIndex index = new WordIndex(4); // far too small: it grows many times
        Map<String, Integer> expected = new HashMap<>();
        List<String> tokens = new ArrayList<>();
        io.archivebatch.Corpus.forEachWcxbDumpBlocks((f, blocks) -> {
            for (var b : blocks) {
                tokens.addAll(b.words());
            }
        });
        assertThat(tokens.size()).isGreaterThan(500_000);
        for (String w : tokens) {
            int n = index.add(w);
            Integer old = expected.putIfAbsent(w, expected.size());
            assertThat(n).as(w).isEqualTo(old == null ? expected.size() - 1 : old);
        }
        assertThat(index.size()).isEqualTo(expected.size()).isGreaterThan(20_000);
        expected.forEach((w, n) -> assertThat(index.get(w)).as(w).isEqualTo(n));
        assertThat(index.get("no-such-token-in-any-dump")).isEqualTo(-1);
    }

    @Test
    void wordsWithTheSameHashKeepTheirOwnNumbers() {
        WordIndex index = new WordIndex(2);
        List<String> same = io.archivebatch.SameHashWords.of(6);
        assertThat(same.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
        for (int i = 0; i < same.size(); i++) {
            assertThat(index.add(same.get(i))).isEqualTo(i);
        }
        for (int i = 0; i < same.size(); i++) {
            assertThat(index.get(same.get(i))).isEqualTo(i);
            assertThat(index.add(same.get(i))).isEqualTo(i);
        }
        assertThat(index.get("AaAaAaAaAaAa" + "x")).isEqualTo(-1);
        assertThat(index.size()).isEqualTo(64);
    }
}
