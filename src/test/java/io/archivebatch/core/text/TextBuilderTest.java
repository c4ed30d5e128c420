package io.archivebatch.core.text;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** This thread's builder gives the string a {@code StringBuilder} gives for the same pieces, text after text. */
class TextBuilderTest {

    @Test
    void buildsWhatAStringBuilderBuildsTextAfterText() {
        Random rnd = new Random(15);
        String[] sources = {"Tehran Times — “quoted” text…", "plain ascii line", "Ünïcödé ça", "😀 emoji \ud835\udc00",
                "x".repeat(5000), "ب".repeat(3000)};
        for (int round = 0; round < 2000; round++) {
            StringBuilder expected = new StringBuilder();
            TextBuilder b = TextBuilder.forThisThread();
            assertThat(b.length()).isZero();
            int pieces = rnd.nextInt(round == 1000 ? 400 : 12);
            for (int p = 0; p < pieces; p++) {
                if (rnd.nextInt(4) == 0) {
                    char c = "\n a\u00e9\u201c".charAt(rnd.nextInt(5));
                    expected.append(c);
                    b.append(c);
                } else {
                    String s = sources[rnd.nextInt(sources.length)];
                    int from = rnd.nextInt(s.length() + 1);
                    int to = from + rnd.nextInt(s.length() - from + 1);
                    expected.append(s, from, to);
                    b.append(s, from, to);
                }
                assertThat(b.length()).isEqualTo(expected.length());
            }
            assertThat(b.toString()).isEqualTo(expected.toString());
        }
        // past the size a thread keeps: still right, and the next text starts empty
        TextBuilder big = TextBuilder.forThisThread();
        String line = "line of the page “with quotes”\n";
        StringBuilder expected = new StringBuilder();
        while (expected.length() <= 1 << 21) {
            big.append(line, 0, line.length());
            expected.append(line);
        }
        assertThat(big.toString()).isEqualTo(expected.toString());
        assertThat(TextBuilder.forThisThread().append("ok", 0, 2).toString()).isEqualTo("ok");
    }
}
