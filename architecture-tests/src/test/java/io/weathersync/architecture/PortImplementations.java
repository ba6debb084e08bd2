package io.weathersync.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;

/** What "implements an outgoing port" means, and the custom condition on how such a class is placed and named. */
final class PortImplementations {

    private PortImplementations() {
    }

    /** Classes that implement, directly or not, an interface of {@code root.application.port.out}. */
    static DescribedPredicate<JavaClass> implementAnOutgoingPortOf(String root) {
        return DescribedPredicate.describe("implement an outgoing port (" + portPackage(root) + ")",
                javaClass -> !outgoingPorts(javaClass, root).isEmpty());
    }

    /**
     * The class lives under {@code root.adapter} and its simple name ends with the simple name of an outgoing
     * port it implements ({@code JdbiChangeLog implements ChangeLog}); either breach is its own violation.
     */
    static ArchCondition<JavaClass> liveInAnAdapterPackageAndEndWithTheirPortName(String root) {
        String adapters = root + ".adapter.";
        return new ArchCondition<>("live in " + adapters + "* and end with the simple name of a port they implement") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<String> ports = outgoingPorts(javaClass, root);
                if (!javaClass.getPackageName().startsWith(adapters)) {
                    events.add(SimpleConditionEvent.violated(javaClass, String.format(
                            "%s implements %s but lives in %s, not in an adapter package %s* in %s",
                            javaClass.getName(), ports, javaClass.getPackageName(), adapters,
                            javaClass.getSourceCodeLocation())));
                }
                if (ports.stream().noneMatch(javaClass.getSimpleName()::endsWith)) {
                    events.add(SimpleConditionEvent.violated(javaClass, String.format(
                            "%s implements %s but its simple name does not end with %s in %s",
                            javaClass.getName(), ports, String.join(" or ", ports),
                            javaClass.getSourceCodeLocation())));
                }
            }
        };
    }

    private static List<String> outgoingPorts(JavaClass javaClass, String root) {
        String ports = portPackage(root);
        return javaClass.getAllRawInterfaces().stream()
                .filter(type -> type.getPackageName().equals(ports) || type.getPackageName().startsWith(ports + "."))
                .map(JavaClass::getSimpleName)
                .sorted()
                .toList();
    }

    private static String portPackage(String root) {
        return root + ".application.port.out";
    }
}
