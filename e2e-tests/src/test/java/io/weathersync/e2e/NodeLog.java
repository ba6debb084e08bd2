package io.weathersync.e2e;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * A node's log file: its stdout and stderr (or one of them, when a {@link NodeProcess} keeps them apart) across
 * restarts, with the test's own marker lines ({@code [e2e]}).
 */
final class NodeLog {

    private static final String MARKER = "[e2e] ";

    private final Path file;
    private final String node;

    NodeLog(Path file, String node) {
        this.file = file;
        this.node = node;
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The current size, to read what comes after it with {@link #since}. */
    long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text from byte {@code offset} on. */
    String since(long offset) {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - offset)];
            in.seek(offset);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node's own lines from byte {@code offset} on: the test's marker lines left out. */
    List<String> linesSince(long offset) {
        return since(offset).lines().filter(line -> !line.startsWith(MARKER)).toList();
    }

    /** The last {@code lines} lines. */
    List<String> tail(int lines) {
        List<String> all = since(0).lines().toList();
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    /** Appends a marker line and returns the size before it (where what follows the marker starts). */
    long mark(String what) {
        try {
            Files.createDirectories(file.getParent());
            long before = size();
            Files.writeString(file, MARKER + Instant.now() + " " + node + ": " + what + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return before;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
