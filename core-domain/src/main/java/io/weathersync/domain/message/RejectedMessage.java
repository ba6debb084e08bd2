package io.weathersync.domain.message;

/** A message that is not applied, and why; {@link Kind} is what counters and logs group by. */
public final class RejectedMessage extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a message was rejected. */
    public enum Kind {
        /** Not JSON, or not an object/array of objects. */
        MALFORMED,
        /** A {@code v} this node does not understand. */
        UNKNOWN_VERSION,
        /** A field is missing, of the wrong type or out of range. */
        INVALID_FIELD,
        /** No signature, or one that does not verify with the master's key. */
        BAD_SIGNATURE,
        /** Of a stream this node does not follow. */
        FOREIGN_STREAM
    }

    private final Kind kind;

    /** A rejection of {@code kind} with a message saying what was wrong. */
    public RejectedMessage(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** Why. */
    public Kind kind() {
        return kind;
    }
}
