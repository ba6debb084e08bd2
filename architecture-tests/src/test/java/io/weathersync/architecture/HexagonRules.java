package io.weathersync.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon of weather-sync as ArchUnit rules: one {@code @ArchTest} field per rule for the production
 * classes, each built by a method taking the root package, so the same definition also checks the fixtures.
 */
final class HexagonRules {

    /** The root package of every production class. */
    static final String ROOT = "io.weathersync";

    /** The in-memory adapters, relative to the root: they ship inside core-domain. */
    private static final String MEMORY = ".adapter.memory..";
    /** The wire codec both transports share (wire-json), relative to the root: outside the adapters. */
    private static final String WIRE = ".wire..";

    /** The node runtime (launcher, settings, lifecycle), relative to the root: its own module, used by the apps. */
    private static final String RUNTIME = ".runtime..";

    @ArchTest
    static final ArchRule core_must_not_use_frameworks_or_io_libraries = coreMustNotUseFrameworksOrIoLibraries(ROOT);

    @ArchTest
    static final ArchRule domain_must_not_depend_on_application = domainMustNotDependOnApplication(ROOT);

    @ArchTest
    static final ArchRule adapters_must_not_depend_on_each_other_or_on_apps =
            adaptersMustNotDependOnEachOtherOrOnApps(ROOT);

    @ArchTest
    static final ArchRule adapters_must_not_depend_on_the_runtime = adaptersMustNotDependOnTheRuntime(ROOT);

    @ArchTest
    static final ArchRule runtime_must_not_depend_on_adapters_or_apps = runtimeMustNotDependOnAdaptersOrApps(ROOT);

    @ArchTest
    static final ArchRule hexagon_layers_point_inwards = hexagonLayersPointInwards(ROOT);

    @ArchTest
    static final ArchRule no_package_cycles = noPackageCycles(ROOT);

    @ArchTest
    static final ArchRule outgoing_ports_have_no_port_suffix = outgoingPortsHaveNoPortSuffix(ROOT);

    @ArchTest
    static final ArchRule incoming_ports_end_with_use_case = incomingPortsEndWithUseCase(ROOT);

    @ArchTest
    static final ArchRule port_implementations_are_adapters_named_after_their_port =
            portImplementationsAreAdaptersNamedAfterTheirPort(ROOT);

    @ArchTest
    static final ArchRule http_route_groups_end_with_routes = httpRouteGroupsEndWithRoutes(ROOT);

    @ArchTest
    static final ArchRule in_memory_adapters_start_with_in_memory = inMemoryAdaptersStartWithInMemory(ROOT);

    @ArchTest
    static final ArchRule domain_and_application_take_time_from_an_injected_clock =
            domainAndApplicationTakeTimeFromAnInjectedClock(ROOT);

    @ArchTest
    static final ArchRule wire_depends_only_on_core_domain_and_jackson = wireDependsOnlyOnCoreDomainAndJackson(ROOT);

    private HexagonRules() {
    }

    static ArchRule coreMustNotUseFrameworksOrIoLibraries(String root) {
        return noClasses().that().resideInAnyPackage(core(root))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.helidon..", "io.lettuce..", "io.netty..", "reactor..", "org.jdbi..",
                        "java.sql..", "javax.sql..", "com.fasterxml.jackson..", "com.mysql..", "org.h2..",
                        "com.zaxxer..", "org.flywaydb..", "org.slf4j..", "java.net.http..")
                .because("core-domain is plain Java (DESIGN: no framework, no I/O library; it logs with "
                        + "System.Logger): JSON, SQL, Redis and HTTP are mapped inside the adapters");
    }

    static ArchRule domainMustNotDependOnApplication(String root) {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application..")
                .because("the domain model is the centre: use cases and ports build on it, not the reverse");
    }

    static ArchRule adaptersMustNotDependOnEachOtherOrOnApps(String root) {
        return CompositeArchRule
                .of(slices().matching(root + ".adapter.(*)..").namingSlices("adapter $1")
                        .should().notDependOnEachOther())
                .and(noClasses().that().resideInAPackage(root + ".adapter..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".app.."))
                .because("each adapter implements ports with one technology and only the apps wire them "
                        + "together (DESIGN: never on each other, never on an app)");
    }

    static ArchRule adaptersMustNotDependOnTheRuntime(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + RUNTIME)
                .because("the runtime is how a node starts and runs: the apps use it to build adapters, and an "
                        + "adapter gets what it needs through its constructor (DESIGN: adapters never use the "
                        + "runtime)");
    }

    static ArchRule runtimeMustNotDependOnAdaptersOrApps(String root) {
        return noClasses().that().resideInAPackage(root + RUNTIME)
                .should().dependOnClassesThat().resideInAnyPackage(root + ".adapter..", root + ".app..")
                .because("the runtime serves every node: a type of one adapter or app in it would tie all nodes "
                        + "to that technology or that node");
    }

    /**
     * The hexagon in one block. The apps are composition roots that wire everything with {@code new}: the onion
     * cannot express a layer that may access all adapters (an adapter layer may be accessed by no other layer),
     * so the apps stay outside it and their own dependencies are ignored. The node runtime is no layer of the
     * hexagon either (it is how a node runs, not what it does): it stays outside too, like the apps, bounded by
     * its own two rules above; so does the wire codec, shared code beside the adapters that
     * {@link #wireDependsOnlyOnCoreDomainAndJackson} checks instead. Every other class must be in a layer.
     */
    static ArchRule hexagonLayersPointInwards(String root) {
        return onionArchitecture()
                .domainModels(root + ".domain.model..", root + ".domain.cluster..")
                .domainServices(root + ".domain.sync..", root + ".domain.status..", root + ".domain.message..")
                .applicationServices(root + ".application..")
                .adapter("jdbc", root + ".adapter.jdbc..")
                .adapter("redis", root + ".adapter.redis..")
                .adapter("http", root + ".adapter.http..")
                .adapter("memory", root + MEMORY)
                .withOptionalLayers(true)
                .ignoreDependency(resideInAPackage(root + ".app.."), alwaysTrue())
                .ignoreDependency(resideInAPackage(root + RUNTIME), alwaysTrue())
                .ignoreDependency(resideInAPackage(root + WIRE), alwaysTrue())
                .ensureAllClassesAreContainedInArchitectureIgnoring(root + ".app..", root + RUNTIME, root + WIRE)
                .because("dependencies point inwards: adapters → application → domain services → domain model");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").namingSlices("package $1")
                .should().beFreeOfCycles()
                .because("a package cycle makes both packages one unit that can only change together");
    }

    static ArchRule outgoingPortsHaveNoPortSuffix(String root) {
        return noClasses().that().resideInAPackage(root + ".application.port.out..").and().areInterfaces()
                .should().haveSimpleNameEndingWith("Port")
                .because("STYLE: outgoing ports are role nouns without a Port suffix (ChangeLog, MasterClient)");
    }

    static ArchRule incomingPortsEndWithUseCase(String root) {
        return classes().that().resideInAPackage(root + ".application.port.in..").and().areInterfaces()
                .should().haveSimpleNameEndingWith("UseCase")
                .because("STYLE: incoming ports are VerbNounUseCase, one intent each");
    }

    static ArchRule portImplementationsAreAdaptersNamedAfterTheirPort(String root) {
        return classes().that().areNotInterfaces().and().areNotAnonymousClasses().and().areNotLocalClasses()
                .and().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(core(root))
                .and(PortImplementations.implementAnOutgoingPortOf(root))
                .should(PortImplementations.liveInAnAdapterPackageAndEndWithTheirPortName(root))
                .because("STYLE: adapters are named technology + port (JdbiChangeLog implements ChangeLog)");
    }

    static ArchRule httpRouteGroupsEndWithRoutes(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and().implement("io.helidon.webserver.http.HttpService").and().areNotAnonymousClasses()
                .should().haveSimpleNameEndingWith("Routes")
                .because("STYLE: HTTP route groups are …Routes implements HttpService");
    }

    static ArchRule inMemoryAdaptersStartWithInMemory(String root) {
        return classes().that().resideInAPackage(root + MEMORY).and().areNotInterfaces()
                .and().areNotAnonymousClasses().and(PortImplementations.implementAnOutgoingPortOf(root))
                .should().haveSimpleNameStartingWith("InMemory")
                .because("STYLE: adapters are named technology + port (InMemoryChangeLog)");
    }

    static ArchRule domainAndApplicationTakeTimeFromAnInjectedClock(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().accessTargetWhere(readTheSystemClock())
                .because("STYLE: time comes from an injected java.time.Clock, so tests control it");
    }

    static ArchRule wireDependsOnlyOnCoreDomainAndJackson(String root) {
        String[] allowed = Stream.concat(Stream.of(root + WIRE, "com.fasterxml.jackson..", "java.."),
                Stream.of(core(root))).toArray(String[]::new);
        return classes().that().resideInAPackage(root + WIRE)
                .should().onlyDependOnClassesThat(resideInAnyPackage(allowed)
                        .and(not(resideInAnyPackage("java.net..", "java.sql..", "javax.sql.."))))
                .because("DESIGN: the one JSON wire codec is shared code both transports use; it knows the domain "
                        + "and Jackson, never a transport, an adapter or an app");
    }

    /** The packages of core-domain: domain, application and the in-memory adapters. */
    private static String[] core(String root) {
        return new String[] {root + ".domain..", root + ".application..", root + MEMORY};
    }

    /** {@code now()} of a java.time type without a Clock argument, System.currentTimeMillis(), Clock.system…(). */
    private static DescribedPredicate<JavaAccess<?>> readTheSystemClock() {
        Set<String> nowTypes = Set.of(Instant.class.getName(), LocalDateTime.class.getName(),
                LocalDate.class.getName(), LocalTime.class.getName(), ZonedDateTime.class.getName(),
                OffsetDateTime.class.getName());
        return DescribedPredicate.describe(
                "target reads the system clock (Instant.now(), LocalDateTime.now(), System.currentTimeMillis(), "
                        + "Clock.systemUTC()…)",
                access -> {
                    String owner = access.getTargetOwner().getName();
                    String name = access.getName();
                    boolean clockArgument = access.getTarget() instanceof CodeUnitAccessTarget unit
                            && unit.getRawParameterTypes().stream()
                                    .anyMatch(type -> type.isEquivalentTo(Clock.class));
                    return nowTypes.contains(owner) && name.equals("now") && !clockArgument
                            || owner.equals(System.class.getName()) && name.equals("currentTimeMillis")
                            || owner.equals(Clock.class.getName()) && name.startsWith("system");
                });
    }
}
