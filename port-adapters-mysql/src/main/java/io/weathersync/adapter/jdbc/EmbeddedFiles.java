package io.weathersync.adapter.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps an embedded store's files owner-only (readings, the node registry's credential hashes): its directory
 * {@code rwx------}, its files {@code rw-------}, whatever the umask. On a file system without POSIX permissions
 * nothing is changed.
 */
final class EmbeddedFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private EmbeddedFiles() {
    }

    /** Creates {@code dir} (and missing parents) owner-only, or makes an existing one owner-only. */
    static void ownerOnlyDirectory(Path dir) {
        try {
            if (!POSIX) {
                Files.createDirectories(dir);
                return;
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            Files.setPosixFilePermissions(dir, DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the directory " + dir + " owner-only: " + e.getMessage(), e);
        }
    }

    /**
     * For the H2 database file {@code base} (without {@code .mv.db}): its directory created owner-only if missing
     * (an existing one is left as it is: the URL may name any directory), {@code base.mv.db} created owner-only
     * before H2 opens it, and every {@code base.*} file made owner-only.
     */
    static void ownerOnlyDatabase(Path base) {
        Path dir = base.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(dir)) {
                ownerOnlyDirectory(dir);
            }
            if (!POSIX) {
                return;
            }
            createOwnerOnly(dir.resolve(base.getFileName() + ".mv.db"));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, base.getFileName() + ".*")) {
                for (Path file : files) {
                    if (Files.isRegularFile(file)) {
                        Files.setPosixFilePermissions(file, FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the files of " + base + " owner-only: " + e.getMessage(), e);
        }
    }

    /** Creates {@code file} owner-only ({@code rw-------}) unless it exists (an existing one is left as it is). */
    static void createOwnerOnly(Path file) throws IOException {
        try {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // there already
        }
    }

    /** The file an H2 URL names ({@code jdbc:h2:file:/x/weather} → {@code /x/weather}); empty for memory or server URLs. */
    static Optional<Path> h2File(String url) {
        String rest = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")
                || rest.startsWith("split:") || rest.startsWith("nio")) {
            return Optional.empty();
        }
        String path = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

}
