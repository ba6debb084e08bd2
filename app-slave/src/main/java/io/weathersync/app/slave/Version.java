package io.weathersync.app.slave;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, from the Maven metadata packed in the jar ({@code dev} when run from classes). */
final class Version {

    private Version() {
    }

    static String of(String artifactId) {
        String resource = "/META-INF/maven/io.weathersync/" + artifactId + "/pom.properties";
        try (InputStream in = Version.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
