package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;

import java.util.Locale;

/**
 * Why a block was kept or dropped, for {@code --explain} and for the per-reason counters in the manifest.
 *
 * @param reason      a short code: {@code body}, {@code rule:drop}, {@code outside-main-region}, ...
 * @param origin      the deciding rule's origin, or null when the block's class and numbers decided
 * @param probability the classifier's probability, NaN when the heuristic decided alone
 */
public record BlockDecision(Block block, BlockClass blockClass, boolean keep, String reason, String origin,
                            double probability, int words, double stopwordDensity) {

    /** A decision by a rule. */
    public BlockDecision(Block block, BlockClass blockClass, boolean keep, String reason, String origin) {
        this(block, blockClass, keep, reason, origin, Double.NaN, 0, 0);
    }

    /**
     * The rule's origin, or the class and numbers that decided. Formatted only when asked (by {@code explain}): it
     * was formatted for every block of every document, and {@code String.format} cost about a tenth of the cleaning.
     */
    public String detail() {
        if (origin != null) {
            return origin;
        }
        return Double.isNaN(probability)
                ? String.format(Locale.ROOT, "%s words=%d stop=%.2f", blockClass, words, stopwordDensity)
                : String.format(Locale.ROOT, "p=%.2f %s words=%d stop=%.2f", probability, blockClass, words, stopwordDensity);
    }
}
