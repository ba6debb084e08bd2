package io.weathersync.readme;

import io.weathersync.application.service.ReplicationServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Embedding {@code core-domain}" example, as a reader copies it: the section's Java block is a whole
 * file that compiles against {@code core-domain} alone and runs to a replica equal to the master.
 */
class ReadmeEmbeddingTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theEmbeddingExampleCompilesAgainstCoreDomainAndRunsToEqualDigests() throws Exception {
        String source = embeddingExample();
        Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
        assertThat(name.find()).as("the example declares its public class").isTrue();
        Path file = Files.writeString(dir.resolve(name.group(1) + ".java"), source);
        String coreDomain = Path.of(ReplicationServices.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, "--release", "21",
                "-classpath", coreDomain, "-d", dir.toString(), file.toString());
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        String printed = run(name.group(1));
        assertThat(printed).startsWith("replica = master: Digest[");
    }

    /** The Java block of the README's embedding section. */
    private static String embeddingExample() throws Exception {
        String readme = Files.readString(README);
        int section = readme.indexOf("## Embedding `core-domain`");
        assertThat(section).as("the README has the embedding section").isNotNegative();
        int next = readme.indexOf("\n## ", section + 1);
        Matcher block = JAVA_BLOCK.matcher(readme.substring(section, next < 0 ? readme.length() : next));
        assertThat(block.find()).as("the section has a java block").isTrue();
        return block.group(1);
    }

    /** Runs {@code main} of the compiled class with core-domain beside it; what it printed. */
    private String run(String className) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeEmbeddingTest.class.getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
