package io.weathersync.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The app jars under test, copied once per test run: other builds may replace the jars in {@code app-master/target} and {@code app-slave/target}
 * while the suite runs, and a JVM whose jar changes under it fails on its next class load.
 */
final class Jars {

    /** How long to wait for a jar that a concurrent build is rewriting. */
    private static final Duration STABLE_BOUND = Duration.ofSeconds(120);

    private static Path master;
    private static Path slave;

    private Jars() {
    }

    static synchronized Path master() {
        if (master == null) {
            master = snapshot(System.getProperty("e2e.masterJar", "../app-master/target/app-master.jar"));
        }
        return master;
    }

    static synchronized Path slave() {
        if (slave == null) {
            slave = snapshot(System.getProperty("e2e.slaveJar", "../app-slave/target/app-slave.jar"));
        }
        return slave;
    }

    private static Path snapshot(String location) {
        Path jar = Path.of(location).toAbsolutePath().normalize();
        long deadline = System.nanoTime() + STABLE_BOUND.toNanos();
        String problem = "missing";
        while (System.nanoTime() < deadline) {
            problem = problem(jar);
            if (problem == null) {
                try {
                    Path dir = Files.createDirectories(Path.of(System.getProperty("e2e.outputDir", "target"), "e2e-jars"));
                    Path copy = dir.resolve(jar.getFileName());
                    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    if (problem(copy) == null) {
                        System.out.println("[e2e] testing " + jar + " built " + Files.getLastModifiedTime(jar)
                                + " (copied to " + copy + ")");
                        return copy;
                    }
                } catch (IOException e) {
                    problem = e.toString();
                }
            }
            Cluster.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError(jar + " is not a runnable jar (" + problem + ") within " + STABLE_BOUND.toSeconds()
                + " s: build the apps first (./mvnw -q -o -pl app-master,app-slave package -DskipTests)");
    }

    /** Why {@code jar} cannot be run now (absent, being rewritten by a build, no Main-Class), or null. */
    private static String problem(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return "missing";
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Main-Class") == null) {
                return "no Main-Class: a build is rewriting it";
            }
            return null;
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
