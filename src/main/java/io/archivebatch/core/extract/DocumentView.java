package io.archivebatch.core.extract;

import io.archivebatch.core.clean.BlockDecision;
import io.archivebatch.core.clean.CleanResult;
import io.archivebatch.core.model.Block;

import java.util.List;

/** What every metadata extractor reads: the blocks, the cleaner's decisions, and what the input said. */
public record DocumentView(String source, String url, List<Block> blocks, CleanResult clean) {

    public int size() {
        return blocks.size();
    }

    public String text(int i) {
        return blocks.get(i).text();
    }

    public BlockDecision decision(int i) {
        return clean.decisions().get(i);
    }

    /** Where the article starts: the main region, or the first block when none was found. */
    public int bodyStart() {
        return clean.regionStart() >= 0 ? clean.regionStart() : 0;
    }

    /** Blocks past this index belong to teaser lists (or the end of the document). */
    public int metadataLimit() {
        return clean.relatedStart() >= 0 ? clean.relatedStart() : blocks.size();
    }
}
