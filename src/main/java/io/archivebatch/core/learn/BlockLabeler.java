package io.archivebatch.core.learn;

import io.archivebatch.core.eval.Scorer;
import io.archivebatch.core.model.Block;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Training labels for the block classifier, as {@code corpus/README.md} prescribes: a block is body when its words
 * occur in the gold body as an exact word sequence, or when most of its 4-word shingles occur there; a very short
 * block (under 5 words) counts only when it occurs exactly and sits next to a matched longer block. (A per-block
 * "are its words in the gold" rule would label menu words such as "People" as body.)
 */
public final class BlockLabeler {

    static final int SHORT = 5;

    public boolean[] label(List<Block> blocks, String goldBody) {
        List<String> gold = Scorer.tokens(goldBody);
        String goldString = " " + String.join(" ", gold) + " ";
        Set<String> goldShingles = new HashSet<>();
        for (int i = 0; i + 4 <= gold.size(); i++) {
            goldShingles.add(gold.get(i) + " " + gold.get(i + 1) + " " + gold.get(i + 2) + " " + gold.get(i + 3));
        }
        int n = blocks.size();
        boolean[] exact = new boolean[n];
        boolean[] isShort = new boolean[n];
        boolean[] label = new boolean[n];
        for (int i = 0; i < n; i++) {
            List<String> t = Scorer.tokens(blocks.get(i).text());
            if (t.isEmpty()) {
                continue;
            }
            isShort[i] = t.size() < SHORT;
            exact[i] = goldString.contains(" " + String.join(" ", t) + " ");
            if (isShort[i]) {
                continue;
            }
            int hit = 0;
            int total = 0;
            for (int k = 0; k + 4 <= t.size(); k++) {
                total++;
                if (goldShingles.contains(t.get(k) + " " + t.get(k + 1) + " " + t.get(k + 2) + " " + t.get(k + 3))) {
                    hit++;
                }
            }
            label[i] = exact[i] || total > 0 && hit * 2 > total;
        }
        for (int i = 0; i < n; i++) {
            if (isShort[i] && exact[i]) {
                boolean prev = i > 0 && !isShort[i - 1] && label[i - 1];
                boolean next = i + 1 < n && !isShort[i + 1] && label[i + 1];
                label[i] = prev || next;
            }
        }
        return label;
    }
}
