package io.weathersync.runtime;

import java.util.List;

/** The {@code --help} text: options, then every setting with its variable, YAML key and default. */
final class Usage {

    private Usage() {
    }

    static String text(String program, String description, List<Setting> table) {
        StringBuilder out = new StringBuilder();
        out.append("Usage: java -jar ").append(program).append(".jar [--config FILE.yaml]\n")
                .append("       java -jar ").append(program).append(".jar --help\n\n")
                .append(description).append("\n\n")
                .append("Options:\n")
                .append("  --config FILE.yaml  read settings from this YAML file (keys below)\n")
                .append("  --help              print this help and exit\n\n")
                .append("Settings: an environment variable overrides the YAML key; secrets are read from the\n")
                .append("environment only and are refused in the file. Durations: seconds (60), 90s, 5m.\n\n");
        int envWidth = table.stream().mapToInt(s -> s.env().length()).max().orElse(0) + 2;
        int keyWidth = table.stream().mapToInt(s -> yamlKey(s).length()).max().orElse(0) + 2;
        out.append(pad("VARIABLE", envWidth)).append(pad("YAML KEY", keyWidth)).append("MEANING [DEFAULT]\n");
        for (Setting s : table) {
            out.append(pad(s.env(), envWidth)).append(pad(yamlKey(s), keyWidth)).append(s.help())
                    .append(s.secret() ? " [secret, environment only]"
                            : " [default: " + s.shownDefault() + "]")
                    .append('\n');
        }
        return out.toString();
    }

    private static String yamlKey(Setting s) {
        return s.secret() ? "-" : s.key();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(1, width - text.length()));
    }
}
