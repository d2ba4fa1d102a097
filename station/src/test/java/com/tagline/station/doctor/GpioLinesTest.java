package com.tagline.station.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * libgpiod's tool output in its two formats (the layouts of the libgpiod v1.6.x and v2.x gpioinfo
 * sources, tools/gpioinfo.c): v1 marks a used line "[used]" after the quoted consumer, v2 writes
 * consumer="...".
 */
class GpioLinesTest {
    @Test
    void findsThePinctrlChipPi4jOpens() {
        String pi4 = "gpiochip0 [pinctrl-bcm2711] (58 lines)\ngpiochip1 [raspberrypi-exp-gpio] (8 lines)\n";
        assertEquals(Optional.of("gpiochip0"), GpioLines.pinctrlChip(pi4));
        String pi5 = "gpiochip0 [gpio-brcmstb@107d508500] (32 lines)\ngpiochip4 [pinctrl-rp1] (54 lines)\n";
        assertEquals(Optional.of("gpiochip4"), GpioLines.pinctrlChip(pi5));
        assertEquals(Optional.empty(), GpioLines.pinctrlChip("gpiochip0 [gpio-mockup-A] (8 lines)\n"));
    }

    @Test
    void readsUsedLinesOfLibgpiod1() {
        String v1 = String.join("\n",
                "gpiochip0 - 58 lines:",
                "\tline   4:      \"GPIO4\"       unused   input  active-high ",
                "\tline  17:     \"GPIO17\"      \"station\"  output  active-high [used]",
                "\tline  18:     \"GPIO18\"       unused   input  active-high ",
                "\tline  42:      unnamed   \"led0\"  output  active-high [used]", "");
        assertEquals(Map.of(17, "station", 42, "led0"), GpioLines.used(v1));
    }

    @Test
    void readsUsedLinesOfLibgpiod2() {
        String v2 = String.join("\n",
                "gpiochip0 - 54 lines:",
                "\tline   4:\t\"GPIO4\"         \tinput",
                "\tline  17:\t\"GPIO17\"        \toutput consumer=\"pi4j\"",
                "\tline  23:\t\"GPIO23\"        \tinput bias=pull-up edges=both consumer=\"gpiomon\"", "");
        assertEquals(Map.of(17, "pi4j", 23, "gpiomon"), GpioLines.used(v2));
    }
}
