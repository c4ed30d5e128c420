package io.archivebatch.core;

import io.archivebatch.core.clean.KeepDecoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeepDecoderTest {

    private static final double T = 0.4;

    @Test
    void aHesitantHeadingBetweenParagraphsStaysBody() {
        // paragraph (80 words, sure), heading (5 words, p 0.2), paragraph (60 words, sure)
        boolean[] keep = KeepDecoder.decode(new double[]{0.95, 0.2, 0.9}, T, new int[]{80, 5, 60},
                new boolean[3]);
        assertThat(keep).containsExactly(true, true, true);
    }

    @Test
    void aLonePromoAmongChromeStaysChromeButAStrongParagraphDoesNot() {
        // menu lines, a 12-word promo the classifier half believes (0.6), more menu, the article, a footer
        double[] p = {0.05, 0.02, 0.6, 0.03, 0.04, 0.97, 0.98, 0.1, 0.05, 0.2, 0.02};
        int[] words = {2, 3, 12, 2, 2, 90, 70, 4, 8, 12, 6};
        boolean[] keep = KeepDecoder.decode(p, T, words, new boolean[p.length]);
        assertThat(keep).containsExactly(false, false, false, false, false, true, true, false, false, false, false);
        // a long paragraph the classifier is sure of outweighs the two switches it costs
        p[2] = 0.99;
        words[2] = 120;
        keep = KeepDecoder.decode(p, T, words, new boolean[p.length]);
        assertThat(keep[2]).isTrue();
    }

    @Test
    void aBlockARuleMatchedIsNeverKept() {
        boolean[] ruled = {false, true, false};
        boolean[] keep = KeepDecoder.decode(new double[]{0.99, 0.99, 0.99}, T, new int[]{50, 3, 50}, ruled);
        assertThat(keep).containsExactly(true, false, true);
        assertThat(KeepDecoder.decode(new double[]{0.99}, T, new int[]{40}, new boolean[]{true})).containsExactly(false);
        assertThat(KeepDecoder.decode(new double[0], T, new int[0], new boolean[0])).isEmpty();
    }
}
