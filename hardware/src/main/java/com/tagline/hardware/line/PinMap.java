package com.tagline.hardware.line;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** All line signals of a station; names and BCM numbers are unique. */
public record PinMap(List<PinConfig> pins) {
    public PinMap {
        pins = List.copyOf(pins);
        Set<String> names = new HashSet<>();
        Map<Integer, String> numbers = new HashMap<>();
        for (PinConfig pin : pins) {
            if (!names.add(pin.name())) {
                throw new IllegalArgumentException("signal " + pin.name() + " is mapped twice");
            }
            String other = numbers.putIfAbsent(pin.bcm(), pin.name());
            if (other != null) {
                throw new IllegalArgumentException("BCM " + pin.bcm() + " is used twice (" + other + " and "
                        + pin.name() + ")");
            }
        }
    }

    public Optional<PinConfig> find(String name) {
        return pins.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public PinConfig pin(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no signal named " + name));
    }

    public List<PinConfig> inputs() {
        return pins.stream().filter(p -> p.direction() == Direction.INPUT).toList();
    }

    public List<PinConfig> outputs() {
        return pins.stream().filter(p -> p.direction() == Direction.OUTPUT).toList();
    }
}
