package io.archivebatch.core.clean;

import io.archivebatch.core.extract.LanguageDetector;
import io.archivebatch.core.model.Block;
import io.archivebatch.core.text.Stopwords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A word's stopword mask says which lists hold it, and the counts read from the masks (stopword density, the language
 * vote) are the counts the lists give: on every word of every list and on every block of the wcxb-dev dumps.
 */
class StopwordMasksTest {

    private final Stopwords lists = Stopwords.get();
    private final String[] codes = lists.codes();

    @Test
    void everyListedWordHasTheBitsOfExactlyTheListsHoldingIt() {
        int words = 0;
        for (String code : codes) {
            for (String w : lists.of(code)) {
                assertThat(lists.maskOf(w)).as(w).isEqualTo(expectedMask(w));
                words++;
            }
        }
        assertThat(words).isGreaterThan(4_000);
        assertThat(lists.maskOf("the") & lists.bitOf(lists.of("en"))).isNotZero();
        assertThat(lists.maskOf("der") & lists.bitOf(lists.of("de"))).isNotZero();
        assertThat(lists.maskOf("the") & lists.bitOf(lists.of("de"))).isZero();
        assertThat(lists.maskOf("newspaper")).isZero();
        assertThat(lists.maskOf("")).isZero();
    }

    @Test
    void aListOfAnotherObjectHasNoBit() {
        assertThat(lists.bitOf(new java.util.HashSet<>(lists.of("en")))).isZero();
        assertThat(lists.bitOf(Set.of())).isZero();
        assertThat(Long.bitCount(lists.bitOf(lists.of("fr")))).isEqualTo(1);
    }

    @Test
    void densityAndLanguageFromTheMasksAsFromTheListsOnRealPages() throws Exception {
        LanguageDetector detector = new LanguageDetector();
        int[] blocks = {0};
        int[] languages = {0};
        io.archivebatch.Corpus.forEachWcxbDumpBlocks((f, dumpBlocks) -> {
            List<String> sample = new ArrayList<>();
            for (Block b : dumpBlocks) {
                for (String code : new String[]{"en", "de", "ru"}) {
                    Set<String> list = lists.of(code);
                    long bit = lists.bitOf(list);
                    long[] masks = java.util.Arrays.stream(b.wordIds()).mapToLong(b.vocabulary()::stopwordMask).toArray();
                    assertThat(masks).hasSize(b.words().size());
                    int byMask = 0;
                    int bySet = 0;
                    for (int i = 0; i < masks.length; i++) {
                        byMask += (masks[i] & bit) != 0 ? 1 : 0;
                        bySet += list.contains(b.words().get(i)) ? 1 : 0;
                    }
                    assertThat(byMask).as("%s block %d %s", f.getFileName(), b.index(), code).isEqualTo(bySet);
                }
                blocks[0]++;
                if (sample.size() < LanguageDetector.SAMPLE) {
                    sample.addAll(b.words(LanguageDetector.SAMPLE - sample.size()));
                }
            }
            String byMasks = detector.detectTokens(sample);
            assertThat(byMasks).as(f.getFileName().toString()).isEqualTo(votedBySets(sample));
            if (byMasks != null) {
                languages[0]++;
            }
        });
        assertThat(blocks[0]).isGreaterThan(50_000);
        assertThat(languages[0]).isGreaterThan(300);
    }

    private long expectedMask(String w) {
        long m = 0;
        for (int i = 0; i < codes.length; i++) {
            if (lists.of(codes[i]).contains(w)) {
                m |= 1L << i;
            }
        }
        return m;
    }

    /** The vote as the detector counted it from the lists themselves: hits per list, the same decision rule. */
    private String votedBySets(List<String> tokens) {
        List<String> sample = tokens.size() > LanguageDetector.SAMPLE ? tokens.subList(0, LanguageDetector.SAMPLE) : tokens;
        if (sample.size() < 8) {
            return null;
        }
        String best = null;
        int bestHits = 0;
        int second = 0;
        for (String code : codes) {
            int h = 0;
            for (String w : sample) {
                h += lists.of(code).contains(w) ? 1 : 0;
            }
            if (h == 0) {
                continue;
            }
            if (h > bestHits || (h == bestHits && best != null && code.compareTo(best) < 0)) {
                second = Math.max(second, bestHits);
                bestHits = h;
                best = code;
            } else if (h > second) {
                second = h;
            }
        }
        if (best == null || bestHits < Math.max(3, sample.size() * 0.08) || bestHits < second * 1.2) {
            return null;
        }
        return best;
    }
}
