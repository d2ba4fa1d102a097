package com.tagline.hardware.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What pi4j 2.8.0's gpiod provider needs, checked in order; the first missing part is one line. */
class GpiodPreflightTest {
    private static final Path NO_CONFIG = Path.of("/nonexistent/config");

    @TempDir
    Path dev;

    @Test
    void namesTheFirstMissingPart() throws Exception {
        assertTrue(new GpiodPreflight("amd64", dev, () -> true, Optional.empty(), NO_CONFIG).problem().orElseThrow()
                .startsWith("GPIO backend gpiod needs a Raspberry Pi: this host's JVM is amd64"));
        assertTrue(new GpiodPreflight("aarch64", dev, () -> true, Optional.empty(), NO_CONFIG).problem().orElseThrow()
                .contains("gpiochipN on this host"));
        Files.createFile(dev.resolve("gpiochip0"));
        assertTrue(new GpiodPreflight("aarch64", dev, () -> false, Optional.empty(), NO_CONFIG).problem().orElseThrow()
                .contains("does not recognise this board"));
        Path natives = Files.createDirectories(dev.resolve("native"));
        Files.createFile(natives.resolve("libgpiod.so"));
        assertTrue(new GpiodPreflight("arm", dev, () -> true, Optional.of(natives), NO_CONFIG).problem().orElseThrow()
                .contains("libpi4j-gpiod.so is missing"));
        Files.createFile(natives.resolve("libpi4j-gpiod.so"));
        assertEquals(Optional.empty(), new GpiodPreflight("arm", dev, () -> true, Optional.of(natives), NO_CONFIG).problem());
        new GpiodPreflight("arm", dev, () -> true, Optional.empty(), NO_CONFIG).problem()
                .ifPresent(p -> { throw new AssertionError(p); });
        assertTrue(new GpiodPreflight("amd64", dev, () -> true, Optional.empty(), NO_CONFIG).problem().orElseThrow().lines()
                .count() == 1, "one line");
        Path config = Files.writeString(dev.resolve("config-6.12.0"), "CONFIG_GPIO_CDEV=y\n# CONFIG_GPIO_CDEV_V1 is not set\n");
        assertTrue(new GpiodPreflight("aarch64", dev, () -> true, Optional.empty(), config).problem().orElseThrow()
                .contains("without the GPIO uAPI v1"));
        Files.writeString(config, "CONFIG_GPIO_CDEV=y\nCONFIG_GPIO_CDEV_V1=y\n");
        assertEquals(Optional.empty(), new GpiodPreflight("aarch64", dev, () -> true, Optional.empty(), config).problem());
    }
}
