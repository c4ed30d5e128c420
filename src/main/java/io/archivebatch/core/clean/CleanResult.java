package io.archivebatch.core.clean;

import java.util.List;

/**
 * The cleaner's decision on every block of a document.
 *
 * @param regionStart first block of the main text region, -1 when none was found
 * @param regionEnd   last block of the main text region (inclusive)
 * @param relatedStart index of the block heading a teaser list, -1 when none
 * @param siteName    the site's name when a site-name rule saw it, else null
 * @param features    each block's features (for extractors that need lengths and stopword densities)
 */
public record CleanResult(List<BlockDecision> decisions, int regionStart, int regionEnd, int relatedStart, String siteName,
                          BlockFeatures[] features) {
}
