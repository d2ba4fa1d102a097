package com.tagline.simulator.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The fault controls of an emulator (platform-api §1.4): outage, latency, random {@code 503}s, random
 * {@code 429}s and dropped answers. {@code POST /_emulator/faults} replaces the whole set: members left out are off, so
 * {@code {}} clears every fault.
 *
 * <p>Thread-safe: settings are swapped atomically and the dice come from one seeded {@link Random}
 * under a lock, so a run with the same seed and the same request order rolls the same faults.
 */
public final class EmulatorFaults {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("outage", "latency_ms", "error_rate", "drop_responses_rate",
            "throttle_rate");

    private final Random random;
    private volatile FaultSettings settings = FaultSettings.NONE;

    public EmulatorFaults(long seed) {
        this.random = new Random(seed);
    }

    public FaultSettings settings() {
        return settings;
    }

    public void set(FaultSettings settings) {
        this.settings = settings;
    }

    public void clear() {
        settings = FaultSettings.NONE;
    }

    /**
     * Replaces the settings with those of a JSON object such as {@code {"error_rate":0.2}}.
     *
     * @throws IllegalArgumentException naming the bad member when the body is not such an object;
     *                                  the settings are then unchanged
     */
    public FaultSettings configure(String json) {
        JsonNode doc;
        try {
            doc = JSON.readTree(json.isBlank() ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("faults body is not JSON: " + e.getOriginalMessage());
        }
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("faults body must be a JSON object, e.g. {\"outage\":true}");
        }
        for (Iterator<String> names = doc.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException("unknown fault '" + name + "' (known: " + String.join(", ",
                        MEMBERS.stream().sorted().toList()) + ")");
            }
        }
        FaultSettings next = new FaultSettings(bool(doc, "outage"), latency(doc), rate(doc, "error_rate"),
                rate(doc, "drop_responses_rate"), rate(doc, "throttle_rate"));
        settings = next;
        return next;
    }

    /** True with probability {@code error_rate}: answer this call {@code 503}. */
    public boolean rollError() {
        return roll(settings.errorRate());
    }

    /** True with probability {@code throttle_rate}: answer this call {@code 429}. */
    public boolean rollThrottle() {
        return roll(settings.throttleRate());
    }

    /** True with probability {@code drop_responses_rate}: apply this call, then drop its answer. */
    public boolean rollDrop() {
        return roll(settings.dropResponsesRate());
    }

    /** The settings as the JSON object {@code configure} accepts. */
    public ObjectNode toJson() {
        FaultSettings s = settings;
        ObjectNode n = JSON.createObjectNode();
        n.put("outage", s.outage());
        n.put("latency_ms", s.latencyMs());
        n.put("error_rate", s.errorRate());
        n.put("drop_responses_rate", s.dropResponsesRate());
        n.put("throttle_rate", s.throttleRate());
        return n;
    }

    private boolean roll(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }

    private static boolean bool(JsonNode doc, String name) {
        JsonNode v = doc.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false, got " + v);
        }
        return v.booleanValue();
    }

    private static long latency(JsonNode doc) {
        JsonNode v = doc.get("latency_ms");
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("latency_ms must be a whole number of milliseconds, got " + v);
        }
        return v.longValue();
    }

    private static double rate(JsonNode doc, String name) {
        JsonNode v = doc.get(name);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number 0..1, got " + v);
        }
        return v.doubleValue();
    }

    @Override
    public String toString() {
        return "EmulatorFaults" + Map.of("settings", settings);
    }
}
