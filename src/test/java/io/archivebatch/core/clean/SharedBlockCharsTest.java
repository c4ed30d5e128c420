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
}
