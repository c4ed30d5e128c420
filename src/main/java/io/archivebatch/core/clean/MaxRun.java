package io.archivebatch.core.clean;

/**
 * The contiguous run of values with the largest positive sum (Kadane's algorithm): the main region of a page when
 * article blocks score positive and chrome negative. The first such run wins ties.
 */
public final class MaxRun {

    private MaxRun() {
    }

    /** {start, end} (inclusive) of the run, or {-1, -1} when no value is positive. */
    public static int[] of(double[] values) {
        double best = 0;
        int bestStart = -1;
        int bestEnd = -1;
        double run = 0;
        int runStart = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (run <= 0) {
                run = v;
                runStart = i;
            } else {
                run += v;
            }
            if (run > best) {
                best = run;
                bestStart = runStart;
                bestEnd = i;
            }
        }
        return new int[]{bestStart, bestEnd};
    }
}
