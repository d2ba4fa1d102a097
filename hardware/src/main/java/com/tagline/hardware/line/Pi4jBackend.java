package com.tagline.hardware.line;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;

/**
 * Which pi4j 2.8.0 providers drive the pins. Every IO names its provider explicitly, and
 * {@link Pi4jLineIo} checks after creation that the provider really is the requested one: on a
 * mis-detected board pi4j 2.8.0 silently loads the mock providers (libraries.md §3.2).
 */
public enum Pi4jBackend {
    /** The Raspberry Pi (incl. Pi 5) through libgpiod; needs Bookworm or later. */
    GPIOD("gpiod-digital-input", "gpiod-digital-output"),
    /** pi4j's mock plugin: tests and the line simulator. */
    MOCK("mock-digital-input", "mock-digital-output");

    private final String inputProvider;
    private final String outputProvider;

    Pi4jBackend(String inputProvider, String outputProvider) {
        this.inputProvider = inputProvider;
        this.outputProvider = outputProvider;
    }

    public String inputProvider() {
        return inputProvider;
    }

    public String outputProvider() {
        return outputProvider;
    }

    /**
     * A fresh pi4j context for this backend. Create it once per process (pi4j #440). The gpiod context
     * names its two providers instead of auto-detecting: auto-detection on a board pi4j 2.8.0 does not
     * know loads the mock plugin, whose providers displace gpiod's ({@link GpiodPreflight}).
     *
     * @throws LineIoException with one line naming what is missing (no ARM JVM, no GPIO chip, unknown
     *     board, natives not found), never pi4j's provider-not-found
     */
    public Context newContext() {
        if (this == GPIOD) {
            GpiodPreflight.host().problem().ifPresent(p -> {
                throw new LineIoException(p);
            });
        }
        try {
            if (this == MOCK) {
                return Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
                        .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                        .build();
            }
            return Pi4J.newContextBuilder().noAutoDetect()
                    .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance()).build();
        } catch (RuntimeException | LinkageError e) {
            // UnsatisfiedLinkError: the natives did not load (pi4j's message is several lines; keep the first).
            throw new LineIoException("pi4j context for " + this + " failed: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }
}
