package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;

import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The routes a registration makes, as {@code "METHOD /path"}: it runs against a recording {@link HttpRouting.Builder}
 * (every route group registers through {@code get/post/put/delete} on it), so the list is what the server really
 * serves, not a copy kept by hand. The 405 fallbacks ({@code any}) are not routes of their own.
 */
final class RecordedRoutes {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    private RecordedRoutes() {
    }

    static Set<String> of(Consumer<HttpRouting.Builder> registration) {
        Set<String> routes = new TreeSet<>();
        Object[] self = new Object[1];
        HttpRouting.Builder recorder = (HttpRouting.Builder) Proxy.newProxyInstance(
                RecordedRoutes.class.getClassLoader(), new Class<?>[] {HttpRouting.Builder.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (METHODS.contains(name) && args != null && args.length > 0 && args[0] instanceof String path) {
                        routes.add(name.toUpperCase(Locale.ROOT) + " " + path);
                    } else if (name.equals("register") && args != null && args[0] instanceof HttpService[] services) {
                        for (HttpService service : services) {
                            service.routing((HttpRouting.Builder) self[0]);
                        }
                    }
                    return method.getReturnType().isInstance(proxy) ? proxy : null;
                });
        self[0] = recorder;
        registration.accept(recorder);
        return routes;
    }
}
