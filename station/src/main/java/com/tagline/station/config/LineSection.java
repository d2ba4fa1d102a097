package com.tagline.station.config;

import com.tagline.hardware.line.Direction;
import com.tagline.hardware.line.LineSignals;
import com.tagline.hardware.line.PinConfig;
import com.tagline.hardware.line.PinMap;
import com.tagline.hardware.line.Pull;
import com.tagline.station.line.LineTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code line} section (issue 5: pin map in configuration — BCM number, active high or low, pull
 * resistor, debounce, per signal; signal names are configuration). Each line role (conveyor motor,
 * eyes, gate, stack light, buzzer, e-stop, optional infeed-ready and outfeed-full) names a pin of
 * the right direction.
 */
final class LineSection {
    private static final List<String> OUTPUT_ROLES = List.of("conveyor", "reject_gate", "green", "amber", "red",
            "buzzer");
    private static final List<String> INPUT_ROLES = List.of("encoder_eye", "reject_eye", "estop");
    private static final List<String> OPTIONAL_INPUT_ROLES = List.of("infeed_ready", "outfeed_full");

    private LineSection() {
    }

    static StationConfig.Line read(ConfigNode n) {
        n.allowOnly(Set.of("mode", "backend", "pins", "signals", "timing", "watchdog_ms", "after_restart"));
        // a section written as something else is one problem: not a conveyor missing every pin
        boolean conveyor = !n.notAMapping()
                && n.choice("mode", "conveyor", Set.of("conveyor", "hand-fed")).equals("conveyor");
        boolean mock = n.choice("backend", "gpiod", Set.of("gpiod", "mock")).equals("mock");
        LineSignals standard = LineSignals.standard();
        Map<String, String> roles = roles(n.child("signals"), standard);
        Optional<PinMap> valid = pins(n.child("pins"), conveyor);
        PinMap pins = valid.orElse(new PinMap(List.of()));
        LineSignals signals = new LineSignals(roles.get("conveyor"), roles.get("encoder_eye"), roles.get("reject_eye"),
                roles.get("reject_gate"), roles.get("green"), roles.get("amber"), roles.get("red"), roles.get("buzzer"),
                roles.get("estop"), present(pins, roles.get("infeed_ready")), present(pins, roles.get("outfeed_full")));
        if (conveyor && valid.isPresent()) { // a map refused as a whole is one problem, not one per role
            checkRoles(n, roles, pins);
        }
        StationConfig.AfterRestart afterRestart = n.choice("after_restart", "reject",
                Set.of("reject", "wait_for_clear")).equals("reject") ? StationConfig.AfterRestart.REJECT
                : StationConfig.AfterRestart.WAIT_FOR_CLEAR;
        return new StationConfig.Line(conveyor, mock, pins, signals, timing(n.child("timing")),
                n.millis("watchdog_ms", Duration.ofMillis(20), 1, 10_000), afterRestart);
    }

    private static Map<String, String> roles(ConfigNode n, LineSignals s) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("conveyor", s.conveyor());
        defaults.put("encoder_eye", s.encoderEye());
        defaults.put("reject_eye", s.rejectEye());
        defaults.put("reject_gate", s.rejectGate());
        defaults.put("green", s.green());
        defaults.put("amber", s.amber());
        defaults.put("red", s.red());
        defaults.put("buzzer", s.buzzer());
        defaults.put("estop", s.estop());
        defaults.put("infeed_ready", s.infeedReady());
        defaults.put("outfeed_full", s.outfeedFull());
        n.allowOnly(defaults.keySet());
        Map<String, String> out = new LinkedHashMap<>();
        defaults.forEach((role, name) -> out.put(role, n.text(role).orElse(name)));
        return out;
    }

    private static Optional<PinMap> pins(ConfigNode n, boolean required) {
        List<PinConfig> pins = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            ConfigNode p = n.child(name);
            p.allowOnly(Set.of("bcm", "direction", "active", "pull", "debounce_ms"));
            int bcm = p.integer("bcm", -1, 0, 27);
            if (!p.has("bcm")) {
                p.problem("bcm", "is required");
            }
            boolean input = p.choice("direction", "in", Set.of("in", "out")).equals("in");
            boolean activeHigh = p.choice("active", "high", Set.of("high", "low")).equals("high");
            Pull pull = Pull.valueOf(p.choice("pull", "none", Set.of("up", "down", "none")).toUpperCase());
            Duration debounce = p.millis("debounce_ms", input ? Duration.ofMillis(2) : Duration.ZERO, 1_000);
            if (bcm >= 0) {
                pins.add(input ? PinConfig.input(name, bcm, activeHigh, pull, debounce)
                        : PinConfig.output(name, bcm, activeHigh));
            }
        }
        if (required && pins.isEmpty()) {
            n.problem("", "the conveyor mode needs a pin map");
        }
        try {
            return Optional.of(new PinMap(pins));
        } catch (IllegalArgumentException e) {
            n.problem("", e.getMessage());
            return Optional.empty();
        }
    }

    private static void checkRoles(ConfigNode n, Map<String, String> roles, PinMap pins) {
        for (String role : OUTPUT_ROLES) {
            check(n, role, roles.get(role), pins, Direction.OUTPUT, true);
        }
        for (String role : INPUT_ROLES) {
            check(n, role, roles.get(role), pins, Direction.INPUT, true);
        }
        for (String role : OPTIONAL_INPUT_ROLES) {
            check(n, role, roles.get(role), pins, Direction.INPUT, false);
        }
    }

    private static void check(ConfigNode n, String role, String name, PinMap pins, Direction direction,
                              boolean required) {
        var pin = pins.find(name);
        if (pin.isEmpty()) {
            if (required) {
                n.problem("pins", "no pin for signal '" + name + "' (" + role + ")");
            }
        } else if (pin.get().direction() != direction) {
            n.problem("pins." + name + ".direction", "the " + role + " signal must be "
                    + (direction == Direction.INPUT ? "in" : "out"));
        }
    }

    private static String present(PinMap pins, String name) {
        return pins.find(name).isPresent() ? name : null;
    }

    private static LineTiming timing(ConfigNode n) {
        n.allowOnly(Set.of("debounce_ms", "gate_pulse_ms", "encoder_eye_clear_ms", "encoder_to_reject_ms",
                "encoder_to_reject_min_ms", "reject_eye_clear_ms", "idle_after_ms"));
        LineTiming d = LineTiming.standard();
        int before = n.problemCount();
        Duration toReject = n.millis("encoder_to_reject_ms", d.encoderToReject(), 600_000);
        // Without a measured travel time, half the limit: it still tells an item left on the belt from the
        // tracked one behind it when they are at least half the belt apart.
        Duration toRejectMin = n.has("encoder_to_reject_ms") && !n.has("encoder_to_reject_min_ms")
                ? toReject.dividedBy(2) : n.millis("encoder_to_reject_min_ms", d.encoderToRejectMin(), 600_000);
        if (toRejectMin.compareTo(toReject) >= 0) {
            if (n.problemCount() == before) {
                n.problem("encoder_to_reject_min_ms", "must be below encoder_to_reject_ms (" + toReject.toMillis() + ")");
            }
            toRejectMin = toReject.dividedBy(2);
        }
        // Debounce may be 0 (none); a gate pulse of 0 never pushes a chip off, and a limit of 0 jams or idles at once.
        return new LineTiming(n.millis("debounce_ms", d.debounce(), 1_000),
                n.millis("gate_pulse_ms", d.gatePulse(), 1, 10_000),
                n.millis("encoder_eye_clear_ms", d.encoderEyeClear(), 1, 60_000), toReject, toRejectMin,
                n.millis("reject_eye_clear_ms", d.rejectEyeClear(), 1, 60_000),
                n.millis("idle_after_ms", d.idleAfter(), 1, 3_600_000));
    }
}
