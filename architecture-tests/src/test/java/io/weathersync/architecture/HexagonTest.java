package io.weathersync.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** Applies every rule of {@link HexagonRules} to the production classes of all modules, from their own jars. */
@AnalyzeClasses(packages = HexagonRules.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, DoNotIncludeShadedCopies.class})
class HexagonTest {

    @ArchTest
    static final ArchTests hexagon = ArchTests.in(HexagonRules.class);
}
