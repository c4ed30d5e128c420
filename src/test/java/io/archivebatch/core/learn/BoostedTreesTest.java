package io.archivebatch.core.learn;

import io.archivebatch.core.clean.BlockModel;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The flat-array walk of the trees gives bit for bit what walking each tree object gives. */
class BoostedTreesTest {

    @Test
    void flatWalkEqualsTreeByTreeOnTheShippedModels() throws Exception {
        check("/io/archivebatch/core/block-model-1.tsv", BlockModel.STAGE1);
        check("/io/archivebatch/core/block-model-2.tsv", BlockModel.STAGE2);
    }

    private static void check(String resource, List<String> names) throws Exception {
        BoostedTrees m;
        try (InputStream in = BoostedTreesTest.class.getResourceAsStream(resource)) {
            m = BoostedTrees.read(in, names);
        }
        Random r = new Random(3);
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -0.0, 1};
        int differentFromBase = 0;
        for (int i = 0; i < 50_000; i++) {
            double[] x = new double[names.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = r.nextInt(20) == 0 ? special[r.nextInt(special.length)] : r.nextDouble() * (r.nextBoolean() ? 1 : 6);
            }
            double p = m.probability(x);
            assertEquals(Double.doubleToRawLongBits(m.probabilityTreeByTree(x)), Double.doubleToRawLongBits(p));
            differentFromBase += p != m.probability(new double[names.size()]) ? 1 : 0;
        }
        assertNotEquals(0, differentFromBase); // the inputs reach different leaves
    }

    @Test
    void treesOfDifferentDepthsAreWalkedOneByOne() {
        BoostedTrees.Tree stump = new BoostedTrees.Tree(new int[]{0}, new double[]{0.5}, new double[]{-1, 1});
        BoostedTrees.Tree deeper = new BoostedTrees.Tree(new int[]{0, 1, 1}, new double[]{0.5, 0.2, 0.8},
                new double[]{-2, -1, 1, 2});
        BoostedTrees m = new BoostedTrees(List.of("a", "b"), 0.1, 0.5, List.of(stump, deeper));
        double[] x = {0.7, 0.9};
        assertEquals(1 / (1 + Math.exp(-(0.1 + 0.5 * 1 + 0.5 * 2))), m.probability(x), 0);
    }
}
