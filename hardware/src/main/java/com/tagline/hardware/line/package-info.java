/**
 * Line I/O: conveyor motor, photo-eyes, reject gate, stack light, buzzer, e-stop and the optional
 * infeed/outfeed handshakes, as named logical signals.
 *
 * <ul>
 *   <li>{@link com.tagline.hardware.line.LineIo}: the interface the line controller sees.</li>
 *   <li>{@link com.tagline.hardware.line.PinMap} of {@link com.tagline.hardware.line.PinConfig}:
 *       BCM number, polarity, pull resistor and debounce per signal;
 *       {@link com.tagline.hardware.line.LineSignals} says which signal plays which role.</li>
 *   <li>{@link com.tagline.hardware.line.Pi4jLineIo}: pi4j 2.8.0 (gpiod on the Pi), with an input
 *       watchdog and safe outputs on every shutdown path.</li>
 *   <li>{@link com.tagline.hardware.line.MockPins}: the electrical side of pi4j's mock pins, for
 *       the line simulator.</li>
 * </ul>
 * pi4j is imported by this package only (architecture §1); its exceptions become
 * {@link com.tagline.hardware.line.LineIoException} here.
 */
package com.tagline.hardware.line;
