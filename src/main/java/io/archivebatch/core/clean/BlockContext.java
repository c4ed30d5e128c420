package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;

import java.util.List;

/**
 * A document as the cleaner analysed it: per block its features, first-pass class, matching rule (or null) and the
 * heuristic's keep decision, plus the main region and the teaser list start.
 */
public record BlockContext(List<Block> blocks, BlockFeatures[] features, BlockClass[] classes, Rule[] rules,
                           boolean[] heuristicKeep, int regionStart, int regionEnd, int relatedStart, String siteName) {
}
