package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.Lease;

import java.util.Optional;

/**
 * The master lease row in the database several masters share. Every write is a compare-and-set, so of two masters
 * acting on the same stored lease exactly one wins.
 */
public interface MasterLeases {

    /** The stored lease; empty before any master took one. */
    Optional<Lease> current();

    /** Extends {@code lease} (holder and epoch as stored) to its new expiry; false when it is no longer stored. */
    boolean renew(Lease lease);

    /**
     * Stores {@code lease} if the stored one still has the epoch before it (or, for epoch 1, none is stored);
     * false when another master got there first.
     */
    boolean takeOver(Lease lease);

    /**
     * Ends {@code lease} (holder and epoch as stored) now, so that another master takes it over at its next tick;
     * false when it is no longer stored.
     */
    boolean release(Lease lease);
}
