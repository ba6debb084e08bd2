package io.weathersync.adapter.http.server;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One component the health endpoint reports: {@code up}, {@code degraded}, {@code down}, or {@code not configured}.
 *
 * @param name     the component's name in {@code components} (e.g. {@code store}, {@code redis})
 * @param probe    answers whether the component works (a throw counts as down); empty when not configured.
 *                 It should return quickly: it runs on every {@code GET /api/health}.
 * @param critical whether the node is down without it (503); a non-critical component that is down makes
 *                 the node {@code degraded} (still 200)
 * @param problem  while the component works, why it works only partly (e.g. the store reads but its writes
 *                 fail): the component is then {@code degraded}, and so is the node (still 200)
 */
public record HealthCheck(String name, Optional<BooleanSupplier> probe, boolean critical,
                          Supplier<Optional<String>> problem) {

    /** Requires a name and an optional probe. */
    public HealthCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(problem, "problem");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
    }

    /** Without a partial state: the component is up or down. */
    public HealthCheck(String name, Optional<BooleanSupplier> probe, boolean critical) {
        this(name, probe, critical, Optional::empty);
    }

    /** A configured component the node cannot work without, checked by {@code probe}. */
    public static HealthCheck of(String name, BooleanSupplier probe) {
        return new HealthCheck(name, Optional.of(probe), true);
    }

    /** This check, {@code degraded} while {@code why} names a problem (and the probe says it works). */
    public HealthCheck degradedWhen(Supplier<Optional<String>> why) {
        return new HealthCheck(name, probe, critical, why);
    }

    /** A configured component the node works on without, if worse (e.g. the live bus: slaves catch up). */
    public static HealthCheck nonCritical(String name, BooleanSupplier probe) {
        return new HealthCheck(name, Optional.of(probe), false);
    }

    /** A component this node runs without (reported, never failing the check). */
    public static HealthCheck notConfigured(String name) {
        return new HealthCheck(name, Optional.empty(), false);
    }
}
