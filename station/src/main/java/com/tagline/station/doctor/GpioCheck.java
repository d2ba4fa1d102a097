package com.tagline.station.doctor;

import com.tagline.hardware.IoReason;
import com.tagline.hardware.line.GpiodPreflight;
import com.tagline.hardware.line.PinConfig;
import com.tagline.station.config.StationConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The GPIO chip the conveyor runs on: what pi4j 2.8.0's gpiod provider needs ({@link GpiodPreflight}),
 * that the service user may open the chip, and that no other consumer holds a configured pin (read with
 * libgpiod's {@code gpiodetect}/{@code gpioinfo}, package {@code gpiod}, without requesting a line).
 */
final class GpioCheck implements CheckGroup {
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(2);

    private final StationConfig.Line line;
    private final Optional<ServiceAccount> account;
    private final GpiodPreflight preflight;

    GpioCheck(StationConfig.Line line, Optional<ServiceAccount> account, GpiodPreflight preflight) {
        this.line = line;
        this.account = account;
        this.preflight = preflight;
    }

    @Override
    public List<String> names() {
        return List.of("gpio");
    }

    @Override
    public void run(Consumer<Finding> out) {
        out.accept(check());
    }

    private Finding check() {
        if (!line.conveyor()) {
            return Finding.pass("gpio", "not used (line.mode: hand-fed)");
        }
        if (line.mockPins()) {
            return Finding.warn("gpio", "line.backend: mock drives pi4j's mock pins, not a conveyor");
        }
        Optional<String> problem = preflight.problem();
        if (problem.isPresent()) {
            return Finding.fail("gpio", problem.get());
        }
        List<Path> chips = preflight.gpioChips();
        if (account.isPresent()) {
            for (Path chip : chips) {
                try {
                    if (!account.get().mayReadWrite(chip)) {
                        return Finding.fail("gpio", "user " + account.get().name() + " may not open " + chip + " ("
                                + FileFacts.of(chip).describe() + "); adduser " + account.get().name() + " gpio");
                    }
                } catch (IOException e) {
                    return Finding.fail("gpio", "cannot inspect " + chip + ": " + IoReason.of(e));
                }
            }
        }
        return pins(chips);
    }

    private Finding pins(List<Path> chips) {
        Optional<String> detect = HostCommand.output(List.of("gpiodetect"), TOOL_TIMEOUT);
        Optional<String> chip = detect.flatMap(GpioLines::pinctrlChip);
        if (chip.isEmpty()) {
            return Finding.warn("gpio", chips + " present; which pins are free is unknown: install package gpiod"
                    + " (gpiodetect found no pinctrl chip)");
        }
        Optional<String> info = HostCommand.output(List.of("gpioinfo", chip.get()), TOOL_TIMEOUT);
        if (info.isEmpty()) {
            return Finding.warn("gpio", chip.get() + " present; gpioinfo did not answer, pins not checked");
        }
        Map<Integer, String> used = GpioLines.used(info.get());
        List<String> taken = new ArrayList<>();
        List<Integer> configured = new ArrayList<>();
        for (PinConfig pin : line.pins().pins()) {
            configured.add(pin.bcm());
            if (used.containsKey(pin.bcm())) {
                taken.add(pin.name() + " (BCM " + pin.bcm() + ") by \"" + used.get(pin.bcm()) + "\"");
            }
        }
        if (!taken.isEmpty()) {
            return Finding.fail("gpio", chip.get() + ": pins in use " + taken + "; stop that program or free the"
                    + " pin (an overlay in /boot/firmware/config.txt?)");
        }
        return Finding.pass("gpio", chip.get() + " (pinctrl) present and open to the service user, BCM " + configured + " free");
    }
}
