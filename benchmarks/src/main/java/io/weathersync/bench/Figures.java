package io.weathersync.bench;

import java.util.ArrayList;
import java.util.List;

/** The figures of one run, in table order; a figure of a group left out by --only is not created (null). */
final class Figures {

    private final Settings settings;
    private final List<Figure> list = new ArrayList<>();

    Figures(Settings settings) {
        this.settings = settings;
    }

    /** Adds {@code f} when its group runs; returns it, or null. */
    Figure add(String group, Figure f) {
        return add(settings.wants(group), f);
    }

    /** Adds {@code f} when {@code runs}; returns it, or null. */
    Figure add(boolean runs, Figure f) {
        if (!runs) {
            return null;
        }
        list.add(f);
        return f;
    }

    /** p50, p99 (the target) and p99.9 of one live transport, or null when the live group does not run. */
    Figure[] live(String name) {
        if (!settings.wants("live")) {
            return null;
        }
        return new Figure[] {
            add(true, new Figure("live", name + " p50", "ms", Figure.Target.NONE, 0)),
            add(true, new Figure("live", name + " p99", "ms", Figure.Target.PLUS_AT_MOST, 3)),
            add(true, new Figure("live", name + " p99.9", "ms", Figure.Target.NONE, 0))};
    }

    List<Figure> list() {
        return List.copyOf(list);
    }
}
