package io.weathersync.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The import behind {@link HexagonTest} sees every module, and each class from its own module's jar. */
class ProductionImportTest {

    private static final String APP_JAR = "jar:file:/m2/app-master/0.1.0-SNAPSHOT/app-master-0.1.0-SNAPSHOT.jar!";

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .withImportOption(new DoNotIncludeShadedCopies())
            .importPackages(HexagonRules.ROOT);

    @Test
    void shadedCopiesInAnAppJarAreSkippedButTheAppsOwnClassesAndOtherJarsAreKept() {
        assertThat(included(APP_JAR + "/io/weathersync/domain/model/City.class")).isFalse();
        assertThat(included("jar:file:/work/main/app-slave/target/app-slave.jar!/io/weathersync/adapter/jdbc/X.class"))
                .isFalse();
        assertThat(included(APP_JAR + "/io/weathersync/runtime/Launcher.class")).isFalse();
        assertThat(included(APP_JAR + "/io/weathersync/app/master/MasterMain.class")).isTrue();
        assertThat(included("jar:file:/m2/core-domain-0.1.0-SNAPSHOT.jar!/io/weathersync/domain/model/City.class"))
                .isTrue();
    }

    @Test
    void everyModuleContributesClassesToTheProductionImport() {
        Set<String> areas = PRODUCTION.stream().map(ProductionImportTest::area).collect(Collectors.toSet());

        assertThat(areas).contains("domain", "application", "adapter.memory", "adapter.jdbc", "adapter.redis",
                "adapter.http", "wire", "runtime", "app.master", "app.slave");
    }

    @Test
    void noCoreOrAdapterClassIsTakenFromAnAppsShadedJar() {
        assertThat(PRODUCTION.stream().filter(javaClass -> !area(javaClass).startsWith("app.")))
                .allSatisfy(javaClass -> assertThat(javaClass.getSource().orElseThrow().getUri().toString())
                        .as(javaClass.getName())
                        .doesNotContainPattern("/app-(master|slave)[^/]*\\.jar!"));
    }

    private static boolean included(String uri) {
        return new DoNotIncludeShadedCopies().includes(Location.of(URI.create(uri)));
    }

    /** {@code domain}, {@code application}, {@code runtime}, or {@code adapter.x} / {@code app.x} for a class. */
    private static String area(JavaClass javaClass) {
        String[] parts = javaClass.getPackageName().substring(HexagonRules.ROOT.length() + 1).split("\\.");
        return parts[0].equals("adapter") || parts[0].equals("app") ? parts[0] + "." + parts[1] : parts[0];
    }
}
