package io.weathersync.domain.model;

/** Range checks shared by the model's records, so every message has the same form. */
final class Bounds {

    private Bounds() {
    }

    static void check(String field, double value, double min, double max) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": must be a finite number, was " + value);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    field + ": must be between " + plain(min) + " and " + plain(max) + ", was " + plain(value));
        }
    }

    static void check(String field, Double value, double min, double max) {
        if (value != null) {
            check(field, value.doubleValue(), min, max);
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
