package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;
import io.archivebatch.core.text.Stopwords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A segmented block reads its chars from its document's array ({@link Block#charArray()} from {@link
 * Block#charsFrom()}): its features and tokens are those of the same text in an array of its own, on every wcxb-dev
 * block and on blocks that begin or end inside a surrogate pair, or next to one.
 */
class SharedBlockCharsTest {

    private static void same(List<Block> blocks) {
        Set<String> stop = Stopwords.get().of("en");
        for (Block b : blocks) {
            Block own = new Block(b.index(), b.text());
            assertThat(own.charsFrom()).isZero();
            assertThat(BlockFeatures.of(b, stop)).as(b.text()).isEqualTo(BlockFeatures.of(own, stop));
            assertThat(b.words()).as(b.text()).isEqualTo(own.words());
            assertThat(b.wordCount()).isEqualTo(own.wordCount());
        }
    }

    @Test
    void featuresAndTokensAsFromTheBlocksOwnChars() throws Exception {
        int[] blocks = {0};
        io.archivebatch.Corpus.forEachWcxbDumpBlocks((f, bs) -> {
            same(bs);
            blocks[0] += bs.size();
        });
        assertThat(blocks[0]).isGreaterThan(50_000);
        BlockSegmenter segmenter = new BlockSegmenter();
        String high = "\ud835";
        String low = "\udc00";
        List<String> texts = new ArrayList<>(List.of(
                "ends in a high surrogate " + high + "\n\n" + low + " starts with a low one",
                "a pair split by blocks " + high + "\n\n\n" + low + "x",
                "Math \ud835\udc00\ud835\udc01 bold\n\nEmoji \ud83d\ude00 word\ud83d\ude00\n\n" + high,
                low + "\n\nThe the THE and of\n\n" + high + high + "\n\n" + low + low));
        for (String t : texts) {
            List<Block> bs = segmenter.segment(t);
            assertThat(bs).isNotEmpty();
            assertThat(bs.get(bs.size() - 1).charsFrom()).isPositive();
            same(bs);
        }
    }

    /**
     * Segmenting the chars of a text ({@link BlockSegmenter#segment(char[], int)}, reusing or not) cuts the blocks a
     * segmentation of its string cuts: at each "\n\n", blank blocks (white space of every kind) dropped; on every
     * wcxb-dev dump and on texts of blank lines, runs of newlines and white space at both ends.
     */
    @Test
    void theCharsOfATextSegmentAsItsString() throws Exception {
        List<String> texts = new ArrayList<>(List.of("", "\n", "\n\n", "\n\n\n", "a", "a\n\nb", "a\n\n\nb",
                "a\n\n\n\nb\n\n", "\n\na", " \t\n\n\u00a0\u2003\n\nx \n\n\u2028\n\n\u000b\u001c y\n",
                "one\ntwo\n\n \n\nthree\r\n\r\nfour", "\ud83d\ude00\n\n\ud835\n\n\udc00"));
        try (var files = java.nio.file.Files.list(io.archivebatch.Corpus.wcxbDev().resolve("dumps"))) {
            for (java.nio.file.Path f : files.sorted().toList()) {
                texts.add(new TextNormalizer().normalize(java.nio.file.Files.readString(f)));
            }
        }
        BlockSegmenter segmenter = new BlockSegmenter();
        int blocks = 0;
        for (String t : texts) {
            List<Block> expected = segmenter.segment(t);
            char[] chars = (t + "trailing chars past the length").toCharArray();
            for (List<Block> got : List.of(segmenter.segment(chars, t.length()), segmenter.segmentReusing(chars, t.length()))) {
                assertThat(got).hasSameSizeAs(expected);
                for (int i = 0; i < got.size(); i++) {
                    Block g = got.get(i);
                    Block e = expected.get(i);
                    assertThat(g.index()).isEqualTo(e.index());
                    assertThat(g.text()).isEqualTo(e.text());
                    assertThat(g.charsFrom()).isEqualTo(e.charsFrom());
                    assertThat(g.words()).isEqualTo(e.words());
                }
            }
            // the blocks' texts are those of splitting at every blank line, blank ones dropped
            List<String> split = java.util.Arrays.stream(t.split("\n\n", -1)).filter(x -> !x.isBlank()).toList();
            assertThat(expected.stream().map(Block::text).toList()).isEqualTo(split);
            blocks += expected.size();
        }
        assertThat(blocks).isGreaterThan(50_000);
    }
}
