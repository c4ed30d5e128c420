package io.archivebatch.core.clean;

/** The first-pass class of a block, before context (after jusText's good / near-good / short / bad classes). */
public enum BlockClass {
    /** Prose: long enough and dense in stopwords. */
    GOOD,
    /** Could be prose: medium length or medium stopword density. */
    NEAR,
    /** Too short to judge alone: a heading or a menu item; decided by its neighbours. */
    SHORT,
    /** Chrome by rule. */
    BAD
}
