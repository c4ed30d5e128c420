package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbered words give the classifier the numbers the word sets gave: the lexicon features bit for bit (their mean
 * summed in the sets' order), on every block of the wcxb-dev dumps and on words made to share one hash bucket.
 */
class BlockWordsTest {

    private final BlockLexicon lexicon = BlockModel.builtin().lexicon();

    @Test
    void lexiconFeaturesAsFromTheWordSetsOnRealPages() throws Exception {
        int[] blocks = {0};
        int[] ordered = {0};
        io.archivebatch.Corpus.forEachWcxbDumpBlocks((f, dumpBlocks) -> {
            List<List<String>> words = new ArrayList<>();
            for (Block b : dumpBlocks) {
                List<String> ws = new ArrayList<>();
                for (String w : b.words()) {
                    if (w.length() >= 3 && ws.size() < 200) {
                        ws.add(w);
                    }
                }
                words.add(ws);
            }
            blocks[0] += compare(f.getFileName().toString(), words);
            BlockWords bw = BlockWords.of(words);
            for (int i = 0; i < words.size(); i++) {
                int[] order = bw.hashSetOrder(i, id -> true);
                if (order != null && order.length > 1) {
                    List<String> expected = new ArrayList<>(new HashSet<>(words.get(i)));
                    List<String> got = new ArrayList<>();
                    for (int id : order) {
                        got.add(bw.words[id]);
                    }
                    assertThat(got).as("%s block %d", f.getFileName(), i).isEqualTo(expected);
                    ordered[0]++;
                }
            }
        });
        assertThat(blocks[0]).isGreaterThan(50_000);
        assertThat(ordered[0]).isGreaterThan(20_000);
    }

    @Test
    void numbersFromTheBlocksWordNumbersAsFromTheirContentWords() throws Exception {
        int[] pages = {0};
        io.archivebatch.Corpus.forEachWcxbDumpBlocks((f, dumpBlocks) -> {
            // short limits too, so that the cut at the block's first words is exercised often
            for (int[] limits : new int[][]{{3, 200}, {1, 5}, {6, 1}}) {
                List<List<String>> words = BlockModel.contentWords(dumpBlocks, limits[0], limits[1]);
                assertSame(f.getFileName() + " " + limits[0] + "/" + limits[1], BlockWords.of(words),
                        BlockWords.ofBlocks(dumpBlocks, limits[0], limits[1]));
            }
            pages[0]++;
        });
        assertThat(pages[0]).isGreaterThan(700);
        // blocks of different documents: numbered from their words
        List<Block> mixed = List.of(new Block(0, "The minister said the plan works."),
                new Block(1, "The plan, the minister said, works well."));
        assertSame("mixed", BlockWords.of(BlockModel.contentWords(mixed, 3, 200)), BlockWords.ofBlocks(mixed, 3, 200));
        assertThat(BlockWords.ofBlocks(mixed, 3, 200).first(1)).isEqualTo("the");
        assertThat(BlockWords.ofBlocks(List.of(), 3, 200).size()).isZero();
    }

    /**
     * Words looked up among the lexicon's {@link BlockLexicon#knownWords} as the documents were tokenized get the
     * weights their strings have, bit for bit; each known word's string is the table's, with its stopword mask.
     */
    @Test
    void weightsLookedUpWhileTokenizingAsByTheWordsStrings() throws Exception {
        io.archivebatch.core.text.KnownWords known = lexicon.knownWords();
        BlockSegmenter segmenter = new BlockSegmenter(known);
        TextNormalizer normalizer = new TextNormalizer();
        int[] words = {0};
        int[] weighted = {0};
        try (var files = java.nio.file.Files.list(io.archivebatch.Corpus.wcxbDev().resolve("dumps"))) {
            for (java.nio.file.Path f : files.sorted().toList()) {
                List<Block> blocks = segmenter.segment(normalizer.normalize(java.nio.file.Files.readString(f)));
                if (blocks.isEmpty()) {
                    continue;
                }
                BlockWords fast = BlockWords.ofBlocks(blocks, 3, 200);
                BlockWords bySet = BlockWords.of(BlockModel.contentWords(blocks, 3, 200));
                assertThat(fast.knownWords).isSameAs(known);
                assertThat(bySet.knownWords).isNull();
                float[] got = lexicon.weights(fast);
                float[] expected = lexicon.weights(bySet);
                assertThat(fast.words).containsExactly(bySet.words);
                for (int id = 0; id < got.length; id++) {
                    assertThat(Float.floatToRawIntBits(got[id])).as("%s %s", f.getFileName(), fast.words[id])
                            .isEqualTo(Float.floatToRawIntBits(expected[id]));
                    assertThat(Float.isNaN(got[id])).isEqualTo(lexicon.weight(fast.words[id]) == 0);
                    int k = fast.known[id];
                    assertThat(k).isEqualTo(known.find(fast.words[id]));
                    if (k >= 0) {
                        assertThat(fast.words[id]).isSameAs(known.word(k));
                        assertThat(known.stopwordMask(k)).isEqualTo(io.archivebatch.core.text.Stopwords.get().maskOf(fast.words[id]));
                    }
                    weighted[0] += Float.isNaN(got[id]) ? 0 : 1;
                }
                words[0] += got.length;
            }
        }
        assertThat(words[0]).isGreaterThan(100_000);
        assertThat(weighted[0]).isGreaterThan(words[0] / 5);
    }

    private static void assertSame(String what, BlockWords expected, BlockWords got) {
        assertThat(got.words).as(what).containsExactly(expected.words);
        assertThat(got.counts).as(what).containsExactly(expected.counts);
        assertThat(got.distinct.length).as(what).isEqualTo(expected.distinct.length);
        for (int i = 0; i < expected.distinct.length; i++) {
            assertThat(got.distinct[i]).as("%s block %d", what, i).containsExactly(expected.distinct[i]);
            assertThat(got.first(i)).isEqualTo(expected.distinct[i].length == 0 ? null : expected.words[expected.distinct[i][0]]);
        }
    }

    @Test
    void wordsOfOneBucketFallBackToTheSet() {
        // sixteen words of one hash, hence of one bucket
        List<String> same = io.archivebatch.SameHashWords.of(4);
        List<String> block = new ArrayList<>(same);
        block.addAll(List.of("said", "government", "cookies", "subscribe", "minister"));
        BlockWords bw = BlockWords.of(List.of(block));
        assertThat(bw.hashSetOrder(0, id -> true)).isNull();
        assertThat(compare("colliding", List.of(block))).isEqualTo(1);
    }

    /** Compares the two ways on each block; the number of blocks. */
    private int compare(String page, List<List<String>> words) {
        BlockWords bw = BlockWords.of(words);
        float[] weights = lexicon.weights(bw);
        for (int i = 0; i < words.size(); i++) {
            double[] expected = lexicon.features(new HashSet<>(words.get(i)));
            double[] got = lexicon.features(bw, i, weights);
            for (int k = 0; k < 4; k++) {
                assertThat(Double.doubleToRawLongBits(got[k])).as("%s block %d feature %d", page, i, k)
                        .isEqualTo(Double.doubleToRawLongBits(expected[k]));
            }
            assertThat(bw.asSet(i)).isEqualTo(new HashSet<>(words.get(i)));
        }
        return words.size();
    }
}
