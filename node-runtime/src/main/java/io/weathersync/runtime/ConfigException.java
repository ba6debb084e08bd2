package io.weathersync.runtime;

/** A configuration or command-line problem, told in one line; a node refuses to start with exit code 2. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reason, one line. */
    public ConfigException(String reason) {
        super(oneLine(reason), null, false, false);
    }

    /** The reason, one line, with its cause (kept for debugging, never printed to the operator). */
    public ConfigException(String reason, Throwable cause) {
        super(oneLine(reason), cause, false, false);
    }

    private static String oneLine(String text) {
        return text == null ? "invalid configuration" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
