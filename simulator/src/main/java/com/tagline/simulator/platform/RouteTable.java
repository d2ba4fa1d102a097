package com.tagline.simulator.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Method + path-pattern routing by hand (vertx-web is not available): a pattern is a path whose
 * segments are literals or {@code :name} captures, e.g. {@code /api/v1/tags/:id/verifications}.
 * Literal segments match exactly; a capture matches one non-empty segment. Routes are tried in the
 * order they were added.
 *
 * <p>Thread-safe: routes may be added while requests are matched.
 */
final class RouteTable {
    /** One registered route. */
    record Route(String method, List<String> segments, EmulatorHandler handler, boolean blocking, boolean control) {}

    /** A matched route and the values of its captures. */
    record Match(Route route, Map<String, String> pathParams) {}

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    void add(String method, String pattern, EmulatorHandler handler, boolean blocking, boolean control) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
        }
        routes.add(new Route(method.toUpperCase(Locale.ROOT), split(pattern), handler, blocking, control));
    }

    /** The route for this method and path. */
    Optional<Match> find(String method, String path) {
        List<String> parts = split(path);
        for (Route r : routes) {
            if (r.method().equals(method)) {
                Map<String, String> params = capture(r.segments(), parts);
                if (params != null) {
                    return Optional.of(new Match(r, params));
                }
            }
        }
        return Optional.empty();
    }

    /** Methods of routes matching {@code path} (for a {@code 405} answer's {@code Allow}). */
    Set<String> methodsFor(String path) {
        List<String> parts = split(path);
        Set<String> methods = new TreeSet<>();
        for (Route r : routes) {
            if (capture(r.segments(), parts) != null) {
                methods.add(r.method());
            }
        }
        return methods;
    }

    /** True when {@code path} belongs to a control route (faults never apply to those). */
    boolean isControlPath(String path) {
        List<String> parts = split(path);
        return routes.stream().anyMatch(r -> r.control() && capture(r.segments(), parts) != null);
    }

    private static Map<String, String> capture(List<String> pattern, List<String> parts) {
        if (pattern.size() != parts.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.startsWith(":")) {
                params.put(p.substring(1), parts.get(i));
            } else if (!p.equals(parts.get(i))) {
                return null;
            }
        }
        return params;
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
