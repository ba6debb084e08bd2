package io.weathersync.domain.cluster;

/** Seed 002's node types, carried as numbers on the wire ({@code 0} parent, {@code 1} child). */
public enum NodeType {
    /** The master. */
    PARENT(0),
    /** A slave. */
    CHILD(1);

    private final int code;

    NodeType(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** The type with {@code code}. */
    public static NodeType ofCode(int code) {
        for (NodeType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("node_type: must be 0 (parent) or 1 (child), was " + code);
    }
}
