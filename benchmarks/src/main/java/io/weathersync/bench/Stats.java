package io.weathersync.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a sample and min/median/max of a figure's runs. */
final class Stats {

    private Stats() {
    }

    /** The p-th percentile (0..100) of the values, nearest-rank; NaN when empty. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(List<Double> runs) {
        return percentile(runs.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    static double min(List<Double> runs) {
        return runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> runs) {
        return runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
