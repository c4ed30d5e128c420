package io.archivebatch.core.clean;

import io.archivebatch.Corpus;
import io.archivebatch.core.model.Block;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The classifier's "text occurs again in the page" feature is what counting every block's text gives. */
class RepeatedBlocksTest {

    private static boolean[] reference(List<Block> blocks) {
        Map<String, Integer> counts = new HashMap<>();
        blocks.forEach(b -> counts.merge(b.text(), 1, Integer::sum));
        boolean[] out = new boolean[blocks.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts.get(blocks.get(i).text()) > 1;
        }
        return out;
    }

    private static List<Block> blocks(String... texts) {
        List<Block> out = new ArrayList<>();
        for (String t : texts) {
            out.add(new Block(out.size(), t));
        }
        return out;
    }

    @Test
    void marksTheTextsThatComeAgain() {
        assertThat(BlockModel.repeatedTexts(blocks("Share", "Story text here.", "Tweet", "Share", "Email")))
                .containsExactly(true, false, false, true, false); // "Tweet", "Share", "Email": one length
        assertThat(BlockModel.repeatedTexts(blocks("ab", "cd"))).containsExactly(false, false);
        assertThat(BlockModel.repeatedTexts(blocks("ab", "ab", "ab", "cd", "ef", "cd"))).containsExactly(true, true, true, true, false, true);
        assertThat(BlockModel.repeatedTexts(blocks())).isEmpty();
    }

    @Test
    void sameAsCountingOnEveryWcxbDevPageAndOnRandomPages() throws Exception {
        int[] withRepeats = {0};
        Corpus.forEachWcxbDumpBlocks((f, blocks) -> {
            boolean[] expected = reference(blocks);
            assertThat(BlockModel.repeatedTexts(blocks)).as("%s", f.getFileName()).isEqualTo(expected);
            for (boolean r : expected) {
                if (r) {
                    withRepeats[0]++;
                    break;
                }
            }
        });
        assertThat(withRepeats[0]).isGreaterThan(20);
        Random rnd = new Random(11);
        String[] words = {"a", "b", "ab", "ba", "c", "Share", "Home"};
        for (int k = 0; k < 20_000; k++) {
            String[] texts = new String[rnd.nextInt(12)];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = words[rnd.nextInt(words.length)] + words[rnd.nextInt(words.length)];
            }
            List<Block> page = blocks(texts);
            assertThat(BlockModel.repeatedTexts(page)).isEqualTo(reference(page));
        }
    }
}
