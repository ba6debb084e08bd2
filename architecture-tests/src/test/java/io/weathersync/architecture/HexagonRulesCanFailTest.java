package io.weathersync.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Proves each rule of {@link HexagonRules} can fail: every fixture under {@code io.weathersync.fixture} breaks
 * its rule, the report names each offending class, and every other rule passes on that fixture.
 */
class HexagonRulesCanFailTest {

    private static final String FIXTURES = "io.weathersync.fixture";

    /** Each rule by its field name in {@link HexagonRules}, as the definition that takes the root package. */
    private record NamedRule(String name, Function<String, ArchRule> definition) {
    }

    private static final List<NamedRule> RULES = List.of(
            new NamedRule("core_must_not_use_frameworks_or_io_libraries",
                    HexagonRules::coreMustNotUseFrameworksOrIoLibraries),
            new NamedRule("domain_must_not_depend_on_application",
                    HexagonRules::domainMustNotDependOnApplication),
            new NamedRule("adapters_must_not_depend_on_each_other_or_on_apps",
                    HexagonRules::adaptersMustNotDependOnEachOtherOrOnApps),
            new NamedRule("adapters_must_not_depend_on_the_runtime",
                    HexagonRules::adaptersMustNotDependOnTheRuntime),
            new NamedRule("runtime_must_not_depend_on_adapters_or_apps",
                    HexagonRules::runtimeMustNotDependOnAdaptersOrApps),
            new NamedRule("hexagon_layers_point_inwards",
                    HexagonRules::hexagonLayersPointInwards),
            new NamedRule("no_package_cycles",
                    HexagonRules::noPackageCycles),
            new NamedRule("outgoing_ports_have_no_port_suffix",
                    HexagonRules::outgoingPortsHaveNoPortSuffix),
            new NamedRule("incoming_ports_end_with_use_case",
                    HexagonRules::incomingPortsEndWithUseCase),
            new NamedRule("port_implementations_are_adapters_named_after_their_port",
                    HexagonRules::portImplementationsAreAdaptersNamedAfterTheirPort),
            new NamedRule("http_route_groups_end_with_routes",
                    HexagonRules::httpRouteGroupsEndWithRoutes),
            new NamedRule("in_memory_adapters_start_with_in_memory",
                    HexagonRules::inMemoryAdaptersStartWithInMemory),
            new NamedRule("domain_and_application_take_time_from_an_injected_clock",
                    HexagonRules::domainAndApplicationTakeTimeFromAnInjectedClock),
            new NamedRule("wire_depends_only_on_core_domain_and_jackson",
                    HexagonRules::wireDependsOnlyOnCoreDomainAndJackson));

    /** Fixture package, the rules it breaks, and its offending classes relative to the fixture root. */
    static Stream<Arguments> breaches() {
        return Stream.of(
                arguments("coreframework", Set.of("core_must_not_use_frameworks_or_io_libraries"),
                        List.of("domain.model.SqlBackedCity", "application.service.JacksonReadingService")),
                // Every domain → application dependency is also an inward-pointing breach of the onion.
                arguments("domaintoapplication",
                        Set.of("domain_must_not_depend_on_application", "hexagon_layers_point_inwards"),
                        List.of("domain.model.SelfStoringReading")),
                // Likewise adapter → adapter: the onion lets no layer access an adapter.
                arguments("adaptertoadapter",
                        Set.of("adapters_must_not_depend_on_each_other_or_on_apps", "hexagon_layers_point_inwards"),
                        List.of("adapter.jdbc.JdbiCachedStore")),
                arguments("adaptertoapp", Set.of("adapters_must_not_depend_on_each_other_or_on_apps"),
                        List.of("adapter.http.HttpServerStarter")),
                // The runtime is outside the onion (like the apps), so only its own rules see these.
                arguments("adaptertoruntime", Set.of("adapters_must_not_depend_on_the_runtime"),
                        List.of("adapter.redis.LettuceReconnector")),
                arguments("runtimetoadapter", Set.of("runtime_must_not_depend_on_adapters_or_apps"),
                        List.of("runtime.ListeningBanner")),
                arguments("runtimetoapp", Set.of("runtime_must_not_depend_on_adapters_or_apps"),
                        List.of("runtime.StartupCheck")),
                arguments("applicationtoadapter", Set.of("hexagon_layers_point_inwards"),
                        List.of("application.service.DirectStoreService")),
                arguments("packagecycle", Set.of("no_package_cycles"),
                        List.of("domain.sync.LagPlanner", "domain.status.LagAggregator")),
                arguments("outgoingportsuffix", Set.of("outgoing_ports_have_no_port_suffix"),
                        List.of("application.port.out.ChangeLogPort")),
                arguments("incomingportsuffix", Set.of("incoming_ports_end_with_use_case"),
                        List.of("application.port.in.CollectWeather")),
                arguments("adapternaming", Set.of("port_implementations_are_adapters_named_after_their_port"),
                        List.of("adapter.jdbc.JdbiStorage", "app.master.MasterChangeLog")),
                arguments("routenaming", Set.of("http_route_groups_end_with_routes"),
                        List.of("adapter.http.server.WeatherEndpoints")),
                arguments("inmemorynaming", Set.of("in_memory_adapters_start_with_in_memory"),
                        List.of("adapter.memory.MapNodeRegistry")),
                arguments("systemclock", Set.of("domain_and_application_take_time_from_an_injected_clock"),
                        List.of("domain.status.StaleCheck", "application.service.TimestampingService")),
                arguments("wireleak", Set.of("wire_depends_only_on_core_domain_and_jackson"),
                        List.of("wire.ChannelAwareCodec", "wire.HelidonStatusCodec")));
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @MethodSource("breaches")
    void fixtureBreaksExactlyItsRulesAndEachReportNamesTheOffenders(String fixture, Set<String> broken,
                                                                    List<String> offenders) {
        String root = FIXTURES + "." + fixture;
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        List<String> offenderNames = offenders.stream().map(offender -> root + "." + offender).toList();
        offenderNames.forEach(name -> assertThat(classes.contain(name)).as("fixture class %s", name).isTrue());

        for (NamedRule rule : RULES) {
            if (broken.contains(rule.name())) {
                EvaluationResult result = rule.definition().apply(root).evaluate(classes);
                String report = result.getFailureReport().toString();
                System.out.printf("%s on fixture %s:%n%s%n%n", rule.name(), fixture, report);
                assertThat(result.hasViolation()).as("%s reports fixture %s", rule.name(), fixture).isTrue();
                offenderNames.forEach(name -> assertThat(report).as("%s names %s", rule.name(), name)
                        .contains(name));
            } else {
                EvaluationResult result = rule.definition().apply(root).allowEmptyShould(true).evaluate(classes);
                assertThat(result.hasViolation())
                        .as("%s must pass on fixture %s, but reported:%n%s", rule.name(), fixture,
                                result.getFailureReport())
                        .isFalse();
            }
        }
    }

    @Test
    void wellFormedHexagonPassesEveryRuleAndGivesEachSomethingToCheck() {
        String root = FIXTURES + ".wellformed";
        JavaClasses classes = new ClassFileImporter().importPackages(root);

        for (NamedRule rule : RULES) {
            EvaluationResult result = rule.definition().apply(root).evaluate(classes);
            assertThat(result.hasViolation())
                    .as("%s on the well-formed fixture reported:%n%s", rule.name(), result.getFailureReport())
                    .isFalse();
        }
    }

    @Test
    void everyRuleOfHexagonRulesIsTheCheckedDefinitionAndHasAFixtureThatBreaksIt() throws IllegalAccessException {
        List<Field> fields = Arrays.stream(HexagonRules.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(ArchTest.class))
                .toList();
        assertThat(fields).extracting(Field::getName)
                .containsExactlyElementsOf(RULES.stream().map(NamedRule::name).toList());
        for (Field field : fields) {
            ArchRule production = (ArchRule) field.get(null);
            NamedRule rule = RULES.stream().filter(named -> named.name().equals(field.getName()))
                    .findFirst().orElseThrow();
            assertThat(production.getDescription()).as(field.getName())
                    .isEqualTo(rule.definition().apply(HexagonRules.ROOT).getDescription());
        }

        Set<Object> brokenByFixtures = breaches()
                .flatMap(arguments -> ((Set<?>) arguments.get()[1]).stream())
                .collect(Collectors.toSet());
        assertThat(brokenByFixtures)
                .containsExactlyInAnyOrderElementsOf(RULES.stream().map(NamedRule::name).toList());
    }
}
