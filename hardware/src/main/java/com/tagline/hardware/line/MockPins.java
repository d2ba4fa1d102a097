package com.tagline.hardware.line;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;

/**
 * The electrical side of pi4j's mock pins behind a real {@link Pi4jLineIo}: a simulator drives
 * input levels and reads output levels here without importing pi4j (architecture §1).
 *
 * <p>Driving an input dispatches pi4j's change event on the caller's thread, only on a change.
 */
public final class MockPins implements AutoCloseable {
    private final Context pi4j;
    private final Pi4jLineIo lineIo;

    private MockPins(Context pi4j, Pi4jLineIo lineIo) {
        this.pi4j = pi4j;
        this.lineIo = lineIo;
    }

    /** A mock pi4j context with every pin of {@code map}, inputs at their pulled level. */
    public static MockPins open(PinMap map) {
        Context pi4j = Pi4jBackend.MOCK.newContext();
        Pi4jLineIo io = Pi4jLineIo.open(pi4j, map, Pi4jBackend.MOCK);
        MockPins pins = new MockPins(pi4j, io);
        map.inputs().forEach(pin -> pins.drive(pin.name(), pin.pull() == Pull.UP));
        return pins;
    }

    public Pi4jLineIo lineIo() {
        return lineIo;
    }

    /** Sets the electrical level (true = high) of an input pin. */
    public void drive(String signal, boolean high) {
        MockDigitalInput input = pi4j.registry().get(signal, MockDigitalInput.class);
        input.mockState(Pi4jLineIo.state(high));
    }

    /** The electrical level (true = high) of an output pin. */
    public boolean level(String signal) {
        return pi4j.registry().get(signal, DigitalOutput.class).isHigh();
    }

    /** Closes the line I/O (outputs safe) and shuts the pi4j context down. */
    @Override
    public void close() {
        lineIo.close();
        pi4j.shutdown();
    }
}
