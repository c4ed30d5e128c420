package io.archivebatch.core.extract;

/**
 * A metadata value and the block it came from.
 *
 * @param block    index of the block it was read from, -1 if not from a block
 * @param consumed whether that block is only metadata (a title or date line) and so is not body
 */
public record Extracted(String value, int block, boolean consumed) {
}
