package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code deploy/} without a container engine: {@code yamllint} (Debian's package) on every YAML file,
 * {@code dockerfilelint} on the Dockerfile and the Kubernetes manifests against the Kubernetes schemas with
 * {@code kubernetes-models} (npm packages, installed here at test time, pinned: hadolint and kubernetes-validate
 * are pip packages and PyPI is not reachable), and that every environment variable the files set is a setting in
 * the README's configuration table. The tools are required: a missing one fails the test, saying how to get it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployFilesIT {

    private static final Path ROOT = Path.of(System.getProperty("e2e.outputDir", "target")).toAbsolutePath()
            .getParent().getParent();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final List<String> NPM_PACKAGES = List.of("kubernetes-models@5.1.0", "js-yaml@4.1.0",
            "dockerfilelint@1.8.0");
    /** Variables of the images the compose file also runs (MariaDB, Grafana): theirs, not ours. */
    private static final Set<String> FOREIGN = Set.of("MARIADB_DATABASE", "MARIADB_USER", "MARIADB_PASSWORD",
            "MARIADB_RANDOM_ROOT_PASSWORD", "GF_SECURITY_ADMIN_PASSWORD");
    private final Path tools = Path.of(System.getProperty("e2e.outputDir", "target")).toAbsolutePath()
            .resolve("deploy-lint");

    @BeforeAll
    void installTools() throws IOException {
        if (!Files.isDirectory(tools.resolve("node_modules/kubernetes-models"))) {
            Files.createDirectories(tools);
            List<String> install = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--silent"));
            install.addAll(NPM_PACKAGES);
            assertThat(run(tools, install)).as("npm install " + NPM_PACKAGES).startsWith("exit 0");
        }
        Files.copy(DEPLOY.resolve("lint/validate-k8s.mjs"), tools.resolve("validate-k8s.mjs"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void yamllintPassesEveryYamlFile() {
        String result = run(DEPLOY, List.of("yamllint", "-c", ".yamllint.yaml", "-f", "parsable", "."));
        System.out.println("[deploy] yamllint deploy/: " + result);
        assertThat(result).as("yamllint (apt-get install yamllint)").isEqualTo("exit 0\n");
    }

    @Test
    void dockerfilelintPassesTheDockerfile() {
        String result = run(DEPLOY, List.of(tools.resolve("node_modules/.bin/dockerfilelint").toString(),
                "Dockerfile"));
        System.out.println("[deploy] dockerfilelint deploy/Dockerfile: " + result);
        assertThat(result).startsWith("exit 0").contains("Issues: None found");
    }

    @Test
    void everyManifestIsValidAgainstTheKubernetesSchemas() throws IOException {
        List<String> command = new ArrayList<>(List.of("node", "validate-k8s.mjs"));
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(Path::toString).forEach(command::add);
        }
        String result = run(tools, command);
        System.out.println("[deploy] kubernetes-models validation:\n" + result);
        assertThat(result).startsWith("exit 0").doesNotContain("INVALID")
                .contains("apps/v1/Deployment weather-master", "apps/v1/StatefulSet weather-slave",
                        "policy/v1/PodDisruptionBudget", "networking.k8s.io/v1/NetworkPolicy", "v1/Secret",
                        "v1/ConfigMap");
    }

    @Test
    void theValidatorRefusesABrokenManifest() throws IOException {
        Path broken = tools.resolve("broken.yaml");
        Files.writeString(broken, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n"
                + "  replicas: two\n");
        assertThat(run(tools, List.of("node", "validate-k8s.mjs", broken.toString())))
                .startsWith("exit 1").contains("INVALID", "replicas must be integer");
    }

    @Test
    void everyVariableTheFilesSetIsInTheConfigurationTable() throws IOException {
        Set<String> table = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (`[A-Z0-9_]+`(?:, `[A-Z0-9_]+`)*) \\|")
                .matcher(Files.readString(ROOT.resolve("README.md")));
        while (row.find()) {
            Matcher name = Pattern.compile("`([A-Z0-9_]+)`").matcher(row.group(1));
            while (name.find()) {
                table.add(name.group(1));
            }
        }
        Set<String> set = new TreeSet<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        // The services' own variables and the shared block they merge in (Jackson leaves YAML's "<<" unresolved).
        JsonNode compose = yaml.readTree(DEPLOY.resolve("compose.yaml").toFile());
        compose.get("services")
                .forEach(service -> service.path("environment").fieldNames().forEachRemaining(set::add));
        compose.path("x-node").path("environment").fieldNames().forEachRemaining(set::add);
        set.remove("<<");
        yaml.readTree(DEPLOY.resolve("k8s/configmap.yaml").toFile()).path("data").fieldNames()
                .forEachRemaining(set::add);
        for (String manifest : List.of("master.yaml", "slaves.yaml")) {
            for (JsonNode doc : yaml.readerFor(JsonNode.class).<JsonNode>readValues(
                    DEPLOY.resolve("k8s").resolve(manifest).toFile()).readAll()) {
                doc.findValues("env").forEach(env -> env.forEach(e -> set.add(e.path("name").asText())));
            }
        }
        Matcher env = Pattern.compile("(?m)^(?:ENV)?\\s+([A-Z][A-Z0-9_]+)=")
                .matcher(Files.readString(DEPLOY.resolve("Dockerfile")));
        while (env.find()) {
            set.add(env.group(1));
        }
        set.add("CASCADE_API_KEY");
        set.add("CASCADE_API_SECRET");
        set.removeAll(FOREIGN);
        System.out.println("[deploy] variables set by deploy/: " + set);
        assertThat(set).hasSizeGreaterThan(15);
        assertThat(table).as("README configuration table").containsAll(set);
    }

    /** Runs {@code command} in {@code dir}: {@code "exit N\n"} and its output. */
    private static String run(Path dir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return "timeout\n" + new String(output, StandardCharsets.UTF_8);
            }
            return "exit " + process.exitValue() + "\n" + new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "cannot run " + command.getFirst() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
