package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;

/**
 * Why a block was kept or dropped, for {@code --explain} and for the per-reason counters in the manifest.
 *
 * @param reason a short code: {@code body}, {@code rule:drop}, {@code outside-main-region}, ...
 * @param detail the rule's origin, the class and numbers that decided
 */
public record BlockDecision(Block block, BlockClass blockClass, boolean keep, String reason, String detail) {
}
