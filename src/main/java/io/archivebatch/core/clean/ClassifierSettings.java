package io.archivebatch.core.clean;

/**
 * Thresholds of the block classifier and the main-region search. Defaults were tuned on the WCXB development
 * pages (see README, "Evaluation"); a job can override them.
 */
public record ClassifierSettings(
        int goodMinWords,
        double goodMinStopDensity,
        int nearMinWords,
        double nearMinStopDensity,
        double shortPenalty,
        double badPenalty,
        double nearWeight,
        int maxRuleBlockChars) {

    public static ClassifierSettings defaults() {
        return new ClassifierSettings(12, 0.22, 6, 0.15, 2.0, 6.0, 0.5, 1500);
    }
}
