package io.archivebatch.core.clean;

import io.archivebatch.Corpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The classifier's menu-separator feature answers as the per-character definition does. */
class MenuSeparatorTest {

    /** The definition: "•" anywhere, or "|", "·", "/" with white space ({@code \s}) on both sides. */
    private static boolean reference(String t) {
        int n = t.length();
        for (int k = 0; k < n; k++) {
            char c = t.charAt(k);
            if (c == '•') {
                return true;
            }
            if ((c == '|' || c == '·' || c == '/') && k > 0 && k + 1 < n
                    && " \t\n\u000B\f\r".indexOf(t.charAt(k - 1)) >= 0 && " \t\n\u000B\f\r".indexOf(t.charAt(k + 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void findsSeparators() {
        assertThat(BlockModel.hasSeparator("Home | News | Sport")).isTrue();
        assertThat(BlockModel.hasSeparator("Home • News")).isTrue();
        assertThat(BlockModel.hasSeparator("•")).isTrue();
        assertThat(BlockModel.hasSeparator("and/or 1/2 |")).isFalse(); // the "|" ends the text
        assertThat(BlockModel.hasSeparator("a\t/\nb")).isTrue();
        assertThat(BlockModel.hasSeparator("a\u00A0/\u00A0b")).isFalse(); // a no-break space is not \s
        assertThat(BlockModel.hasSeparator("")).isFalse();
    }

    @Test
    void sameAsTheDefinitionOnEveryWcxbDevBlockAndOnRandomText() throws Exception {
        List<String> texts = new ArrayList<>();
        Corpus.forEachWcxbDumpBlocks((f, blocks) -> blocks.forEach(b -> texts.add(b.text())));
        long with = texts.stream().filter(BlockModel::hasSeparator).count();
        assertThat(with).isGreaterThan(500).isLessThan(texts.size() - 500);
        String alphabet = "ab |·/•\t\n\u00A0\r";
        Random rnd = new Random(7);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(8); i > 0; i--) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            assertThat(BlockModel.hasSeparator(t)).as("[%s]", t).isEqualTo(reference(t));
        }
    }
}
