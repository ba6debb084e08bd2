package io.weathersync.runtime;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a node's YAML file with SnakeYAML into flat {@code dotted.key → text} pairs: nested mappings give dotted
 * keys, a list of values becomes one comma-separated text, and a value is its text as written (the setting reads
 * it, not YAML's typing: {@code 010} stays {@code 010}, a list's {@code no} stays {@code no}), save a single
 * boolean ({@code enabled: yes} is {@code true}). SnakeYAML's node tree, not Helidon Config: Helidon builds a
 * list's tree recursively, one level per element, so a list of 20,000 cities took 10 s and a 512 MiB stack; here
 * it takes a fraction of a second on the default stack.
 */
final class YamlFile {

    /** Largest file read, in characters (SnakeYAML's default is 3 Mi): 100,000 cities with coordinates fit. */
    private static final int MAX_CHARACTERS = 64 * 1024 * 1024;

    /** The words YAML 1.1 reads as true; its other booleans ({@code no}, {@code off}, {@code false}) are false. */
    private static final Set<String> TRUE = Set.of("true", "yes", "on");

    private YamlFile() {
    }

    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file '" + file + "' does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException("config file '" + file + "' cannot be read");
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARACTERS);
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(options).compose(reader);
        } catch (YAMLException e) {
            throw new ConfigException("config file '" + file + "' is not valid YAML: " + problem(e), e);
        } catch (IOException e) {
            throw new ConfigException("config file '" + file + "' cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root == null) {
            return values;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ConfigException("config file '" + file + "' is not a mapping of settings (like "
                    + "'server:' then '  port: 8080')" + at(root.getStartMark()));
        }
        flatten("", mapping, values, file);
        return values;
    }

    private static void flatten(String prefix, MappingNode mapping, Map<String, String> values, Path file) {
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode name)) {
                throw new ConfigException("config file '" + file + "': a key must be a name"
                        + at(entry.getKeyNode().getStartMark()));
            }
            String key = prefix + name.getValue();
            Node value = entry.getValueNode();
            if (value instanceof MappingNode nested) {
                flatten(key + ".", nested, values, file);
                continue;
            }
            String text = value instanceof SequenceNode list ? joined(key, list, file) : setting((ScalarNode) value);
            if (values.put(key, text) != null) {
                throw new ConfigException("config file '" + file + "': " + key + " is set twice"
                        + at(name.getStartMark()));
            }
        }
    }

    private static String joined(String key, SequenceNode list, Path file) {
        List<String> items = new ArrayList<>(list.getValue().size());
        for (Node item : list.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                throw new ConfigException("config file '" + file + "': " + key + " must be a list of values"
                        + at(item.getStartMark()));
            }
            items.add(text(scalar));
        }
        return String.join(",", items);
    }

    /** A setting's value: YAML's booleans ({@code yes}, {@code on}, {@code True}…) as true or false, else as is. */
    private static String setting(ScalarNode scalar) {
        if (Tag.BOOL.equals(scalar.getTag())) {
            return String.valueOf(TRUE.contains(scalar.getValue().toLowerCase(Locale.ROOT)));
        }
        return text(scalar);
    }

    /** A value as written; YAML's null ({@code ~}, {@code null}, nothing) is blank, which counts as unset. */
    private static String text(ScalarNode scalar) {
        return Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue();
    }

    /** SnakeYAML's problem on one line, with the line it was found on. */
    private static String problem(YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            return marked.getProblem() + at(marked.getProblemMark());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(message);
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " (line " + (mark.getLine() + 1) + ")";
    }
}
