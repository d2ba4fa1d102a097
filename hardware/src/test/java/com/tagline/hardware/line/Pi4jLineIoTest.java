package com.tagline.hardware.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Pi4jLineIoTest {
    private static final Duration DEBOUNCE = Duration.ofMillis(2);
    private static final PinMap MAP = new PinMap(List.of(
            PinConfig.output("motor", 22, true),
            PinConfig.output("gate", 23, false),
            PinConfig.input("eye", 17, false, Pull.UP, DEBOUNCE),
            PinConfig.input("estop", 4, true, Pull.UP, DEBOUNCE)));

    private MockPins pins;
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void open() {
        pins = MockPins.open(MAP);
        pins.lineIo().addListener((signal, active) -> events.add(signal + "=" + active));
    }

    @AfterEach
    void close() {
        pins.close();
    }

    @Test
    void outputsStartInactiveAndFollowPolarity() {
        assertFalse(pins.level("motor"));
        assertTrue(pins.level("gate"), "active-low gate idles high");
        pins.lineIo().set("gate", true);
        assertFalse(pins.level("gate"));
        assertTrue(pins.lineIo().isActive("gate"));
    }

    @Test
    void openEstopCircuitReadsAsStop() {
        // NC e-stop with pull-up: nothing holds the line low, as with a broken wire.
        assertTrue(pins.lineIo().isActive("estop"));
        pins.drive("estop", false);
        assertFalse(pins.lineIo().isActive("estop"));
    }

    @Test
    void activeLowEyeReportsEachChangeOnceAcrossListenerAndWatchdog() {
        pins.drive("eye", false);
        pins.lineIo().pollInputs();
        pins.drive("eye", true);
        pins.lineIo().pollInputs();
        assertEquals(List.of("eye=true", "eye=false"), events);
    }

    @Test
    void closeDrivesEveryOutputSafe() {
        pins.lineIo().set("motor", true);
        pins.lineIo().set("gate", true);
        pins.lineIo().close();
        assertFalse(pins.level("motor"));
        assertTrue(pins.level("gate"));
    }

    @Test
    void refusesGpiodLineOnMockProviders() {
        Context mockOnly = Pi4jBackend.MOCK.newContext();
        try {
            assertThrows(LineIoException.class, () -> Pi4jLineIo.open(mockOnly, MAP, Pi4jBackend.GPIOD));
        } finally {
            mockOnly.shutdown();
        }
    }

    @Test
    void pinMapRejectsDuplicateBcm() {
        assertThrows(IllegalArgumentException.class, () -> new PinMap(List.of(
                PinConfig.output("a", 5, true), PinConfig.output("b", 5, true))));
    }
}
