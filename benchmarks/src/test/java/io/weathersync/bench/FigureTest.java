package io.weathersync.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How a figure measured in pairs is held to its bound: the median of the pairs and its 95 % interval. */
class FigureTest {

    @Test
    void theIntervalOfTwelvePairsIsTheThirdSmallestToTheThirdLargest() {
        Figure figure = paired(List.of(0.91, 0.80, 1.10, 0.95, 1.02, 0.99, 0.70, 1.30, 1.01, 0.97, 1.05, 0.93));

        // P(Binomial(12, 1/2) <= 2) = 1.9 % <= 2.5 % < P(<= 3) = 7.3 %: the 3rd order statistics from each end.
        assertThat(figure.pairsInterval()).hasValueSatisfying(i -> assertThat(i).containsExactly(0.91, 1.05));
        assertThat(figure.ratio()).as("nearest-rank median: the lower middle of an even count").isEqualTo(0.97);
    }

    @Test
    void fivePairsHaveNoInterval() {
        assertThat(paired(List.of(1.0, 1.0, 1.0, 1.0, 1.0)).pairsInterval()).isEmpty();
        assertThat(paired(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0)).pairsInterval()).isPresent();
    }

    @Test
    void theBoundIsMetOrBrokenOnlyWhenTheWholeIntervalIsOnOneSideOfIt() {
        assertThat(paired(spread(1.00)).met()).isEqualTo("yes");
        assertThat(paired(spread(0.90)).met()).isEqualTo("NO");
        assertThat(paired(spread(0.97)).met()).isEqualTo("unclear");
    }

    /** Twelve ratios from {@code centre} - 0.022 to {@code centre} + 0.022: the interval is about ±0.014. */
    private static List<Double> spread(double centre) {
        return IntStream.range(0, 12).mapToObj(i -> centre - 0.022 + i * 0.004).toList();
    }

    private static Figure paired(List<Double> ratios) {
        Figure figure = new Figure("g", "f", "x/s", Figure.Target.RATIO_AT_LEAST, 0.97);
        for (double ratio : ratios) {
            figure.ours.add(ratio);
            figure.raw.add(1.0);
            figure.pairs.add(ratio);
        }
        return figure;
    }
}
