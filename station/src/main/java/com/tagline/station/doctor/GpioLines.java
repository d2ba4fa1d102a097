package com.tagline.station.doctor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of libgpiod's {@code gpiodetect} and {@code gpioinfo CHIP}, in both formats: libgpiod 1.6
 * (Bookworm) marks a line in use with {@code [used]} after the consumer in quotes; libgpiod 2.x
 * (Trixie) writes {@code consumer="..."}. Only which lines are used and by whom is read.
 */
final class GpioLines {
    private static final Pattern CHIP = Pattern.compile("^(gpiochip\\d+) \\[([^\\]]*)\\]");
    private static final Pattern LINE = Pattern.compile("^\\s*line\\s+(\\d+):(.*)$");
    private static final Pattern V2_CONSUMER = Pattern.compile("consumer=\"([^\"]*)\"");
    private static final Pattern V1_QUOTED = Pattern.compile("\"([^\"]*)\"");

    private GpioLines() {
    }

    /** From {@code gpiodetect}: the first chip whose label contains "pinctrl" (pi4j 2.8.0 opens that one). */
    static Optional<String> pinctrlChip(String gpiodetect) {
        for (String line : gpiodetect.split("\n")) {
            Matcher m = CHIP.matcher(line.strip());
            if (m.find() && m.group(2).contains("pinctrl")) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** From {@code gpioinfo CHIP}: the consumer of every line in use, by offset. */
    static Map<Integer, String> used(String gpioinfo) {
        Map<Integer, String> used = new HashMap<>();
        for (String line : gpioinfo.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int offset = Integer.parseInt(m.group(1));
            String rest = m.group(2);
            Matcher v2 = V2_CONSUMER.matcher(rest);
            if (v2.find()) {
                used.put(offset, v2.group(1));
            } else if (rest.contains("[used]")) {
                // v1: the line's name (quoted, or the bare word unnamed), then the consumer, quoted.
                Matcher q = V1_QUOTED.matcher(rest);
                String consumer = "?";
                while (q.find()) {
                    consumer = q.group(1);
                }
                used.put(offset, consumer);
            }
        }
        return used;
    }
}
