package io.archivebatch;

import java.util.ArrayList;
import java.util.List;

/** Distinct words with one {@link String#hashCode}: "Aa" and "BB" hash alike, and so do their concatenations of one length. */
public final class SameHashWords {
    private SameHashWords() {
    }

    /** All 2^{@code pairs} words of {@code pairs} times "Aa" or "BB", in counting order. */
    public static List<String> of(int pairs) {
        List<String> same = new ArrayList<>();
        for (int m = 0; m < 1 << pairs; m++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < pairs; k++) {
                b.append((m >> k & 1) == 0 ? "Aa" : "BB");
            }
            same.add(b.toString());
        }
        return same;
    }
}
