package com.tagline.station.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One mapping of the YAML configuration with its path, reading typed fields and collecting every
 * problem (into a shared list) instead of stopping at the first, so an operator fixes the file once.
 * Unknown keys are problems too: a misspelt key must not silently fall back to a default.
 */
final class ConfigNode {
    private final JsonNode node;
    private final String path;
    private final List<String> problems;
    private final boolean notAMapping;

    ConfigNode(JsonNode node, String path, List<String> problems) {
        this(node, path, problems, false);
    }

    private ConfigNode(JsonNode node, String path, List<String> problems, boolean notAMapping) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.notAMapping = notAMapping;
    }

    /** A nested mapping; a missing one reads as empty (its fields take their defaults). */
    ConfigNode child(String name) {
        JsonNode c = node.path(name);
        boolean wrong = !c.isMissingNode() && !c.isNull() && !c.isObject();
        if (wrong) {
            problem(name, "must be a mapping");
        }
        return new ConfigNode(c.isObject() ? c : com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                at(name), problems, wrong);
    }

    /** True when this section was written but is no mapping (already a problem): checks across it add nothing. */
    boolean notAMapping() {
        return notAMapping;
    }

    boolean has(String name) {
        return !node.path(name).isMissingNode() && !node.path(name).isNull();
    }

    /** Reports keys other than {@code allowed}. */
    void allowOnly(Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problem(k, "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    Optional<String> text(String name) {
        JsonNode v = node.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            problem(name, "must be a non-empty text");
            return Optional.empty();
        }
        return Optional.of(v.asText().strip());
    }

    String requiredText(String name) {
        Optional<String> v = text(name);
        if (v.isEmpty() && !has(name)) {
            problem(name, "is required");
        }
        return v.orElse("");
    }

    /** One of {@code choices}; the default when absent. */
    String choice(String name, String dflt, Set<String> choices) {
        String v = text(name).orElse(dflt);
        if (!choices.contains(v)) {
            problem(name, "must be one of " + new java.util.TreeSet<>(choices) + ", was '" + v + "'");
            return dflt;
        }
        return v;
    }

    boolean bool(String name, boolean dflt) {
        JsonNode v = node.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            problem(name, "must be true or false, was '" + v.asText() + "'");
            return dflt;
        }
        return v.booleanValue();
    }

    int integer(String name, int dflt, int min, int max) {
        JsonNode v = node.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            problem(name, "must be a whole number " + min + ".." + max + ", was " + shown(v));
            return dflt;
        }
        return v.asInt();
    }

    Duration millis(String name, Duration dflt, long max) {
        return millis(name, dflt, 0, max);
    }

    /** A period or limit where {@code min} is the least that works (0 would fire at once or spin). */
    Duration millis(String name, Duration dflt, int min, long max) {
        return Duration.ofMillis(integer(name, (int) dflt.toMillis(), min, (int) Math.min(Integer.MAX_VALUE, max)));
    }

    /** A list of texts, each checked by {@code check} (null = fine, else the problem). */
    List<String> texts(String name, List<String> dflt, Function<String, String> check) {
        JsonNode v = node.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return dflt;
        }
        if (!v.isArray()) {
            problem(name, "must be a list");
            return dflt;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String item = v.get(i).asText("").strip();
            String bad = item.isEmpty() ? "must be a non-empty text" : check.apply(item);
            if (bad != null) {
                problems.add(at(name) + "[" + i + "]: " + bad);
            } else {
                out.add(item);
            }
        }
        return out;
    }

    Iterator<String> fieldNames() {
        return node.fieldNames();
    }

    /**
     * How many problems the whole file has so far. A check across fields compares it before and after reading
     * them, and is skipped when one of them was itself invalid: its default would only make up a second error.
     */
    int problemCount() {
        return problems.size();
    }

    void problem(String name, String what) {
        problems.add(at(name) + ": " + what);
    }

    String at(String name) {
        return name.isEmpty() ? path : path.isEmpty() ? name : path + "." + name;
    }

    /** A value as the operator wrote it: quoted text, or what kind of thing it is when it is not a scalar. */
    static String shown(JsonNode v) {
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        return "'" + v.asText() + "'";
    }
}
