package io.weathersync.domain.model;

/**
 * A fingerprint of a node's data: equal digests mean identical readings.
 *
 * @param stream     the stream the data belongs to, or {@code null} when none
 * @param appliedSeq the seq the data is complete through
 * @param rows       how many readings are held
 * @param hash       an order-independent hash of every reading's canonical form (hex)
 */
public record Digest(StreamId stream, long appliedSeq, long rows, String hash) {
}
