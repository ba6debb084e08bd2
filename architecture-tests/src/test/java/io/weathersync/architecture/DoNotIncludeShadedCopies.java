package io.weathersync.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

import java.util.regex.Pattern;

/**
 * Imports from an app's jar only the app's own classes. app-master and app-slave install a shaded jar holding
 * copies of core-domain and the adapters (as built then, possibly stale); without this option those copies
 * would be checked instead of the modules' own jars.
 */
public final class DoNotIncludeShadedCopies implements ImportOption {

    private static final Pattern APP_JAR = Pattern.compile(".*/app-(master|slave)[^/]*\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
        return !location.matches(APP_JAR) || location.contains("/io/weathersync/app/");
    }
}
