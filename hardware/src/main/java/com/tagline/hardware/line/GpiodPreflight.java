package com.tagline.hardware.line;

import com.pi4j.boardinfo.util.BoardInfoHelper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * What pi4j 2.8.0's gpiod provider needs on this host, checked before pi4j is asked, so that a host
 * without GPIO fails with one line that names the missing part instead of pi4j's
 * "Pi4J provider [gpiod-digital-output] could not be found" (read from pi4j 2.8.0's sources):
 * <ul>
 *   <li>an ARM JVM: {@code pi4j-library-gpiod} bundles {@code libgpiod.so} (libgpiod 1.6.x, soname
 *       {@code libgpiod.so.2}, glibc 2.33: Bookworm or later) and {@code libpi4j-gpiod.so} for armhf (ARMv7)
 *       and aarch64 only; its loader throws for any other {@code os.arch}. The bundled libgpiod is loaded
 *       by path before the JNI library, so the system's libgpiod does not matter: Trixie's libgpiod3 is
 *       not used. libgpiod 1.6 speaks the kernel's GPIO character device uAPI v1
 *       ({@code CONFIG_GPIO_CDEV_V1}, default y upstream, but some kernels turn it off): a kernel config
 *       in {@code /boot/config-RELEASE} that says it is not set is named.</li>
 *   <li>a {@code /dev/gpiochipN}: {@code GpioDContext} opens the chip whose label contains "pinctrl"
 *       (pinctrl-bcm2835/-bcm2711 on Pi 1–4, pinctrl-rp1 on Pi 5, gpiochip0 or gpiochip4 by kernel).</li>
 *   <li>a board pi4j recognises: {@code GpioDContext.initialize()} does nothing when
 *       {@code BoardInfoHelper.runningOnRaspberryPi()} is false, and every pin then fails with
 *       "No gpio chip yet initialized!". On such a host {@code Pi4J.newAutoContext()} also loads the
 *       mock plugin, whose providers (priority 1000) displace gpiod's (150): the "could not be found".</li>
 *   <li>its two libraries in {@code pi4j.library.path} when that is set (the package sets the fixed
 *       native directory).</li>
 * </ul>
 */
public final class GpiodPreflight {
    private final String osArch;
    private final Path dev;
    private final BooleanSupplier knownBoard;
    private final Optional<Path> libraryPath;
    private final Path kernelConfig;

    GpiodPreflight(String osArch, Path dev, BooleanSupplier knownBoard, Optional<Path> libraryPath,
                   Path kernelConfig) {
        this.osArch = osArch.toLowerCase(Locale.ROOT);
        this.dev = dev;
        this.knownBoard = knownBoard;
        this.libraryPath = libraryPath;
        this.kernelConfig = kernelConfig;
    }

    /** This host as the JVM and the kernel show it. */
    public static GpiodPreflight host() {
        String lib = System.getProperty("pi4j.library.path", "");
        return new GpiodPreflight(System.getProperty("os.arch", ""), Path.of("/dev"),
                BoardInfoHelper::runningOnRaspberryPi,
                lib.isBlank() || lib.equalsIgnoreCase("system") || lib.equalsIgnoreCase("local")
                        ? Optional.empty() : Optional.of(Path.of(lib)),
                Path.of("/boot", "config-" + System.getProperty("os.version", "")));
    }

    /** The first missing part, as one line with what to do; empty when gpiod can be tried. */
    public Optional<String> problem() {
        if (!List.of("arm", "armhf", "aarch64", "arm64").contains(osArch)) {
            return Optional.of("GPIO backend gpiod needs a Raspberry Pi: this host's JVM is " + osArch
                    + ", and pi4j 2.8.0's gpiod natives exist for armhf and aarch64 only"
                    + " (on a bench use line.mode: hand-fed, or line.backend: mock)");
        }
        List<Path> chips = gpioChips();
        if (chips.isEmpty()) {
            return Optional.of("GPIO backend gpiod: no " + dev.resolve("gpiochipN")
                    + " on this host (the kernel exposes no GPIO character device; a container needs it passed in)");
        }
        if (!knownBoard.getAsBoolean()) {
            return Optional.of("GPIO backend gpiod: pi4j 2.8.0 does not recognise this board (from /proc/cpuinfo"
                    + " and /proc/device-tree/model), and its gpiod provider opens no chip on an unknown board");
        }
        if (uapiV1Off()) {
            return Optional.of("GPIO backend gpiod: this kernel is built without the GPIO uAPI v1 that pi4j 2.8.0's"
                    + " libgpiod 1.6 uses (" + kernelConfig + ": CONFIG_GPIO_CDEV_V1 is not set)");
        }
        if (libraryPath.isPresent()) {
            for (String lib : List.of("libgpiod.so", "libpi4j-gpiod.so")) {
                if (!Files.isReadable(libraryPath.get().resolve(lib))) {
                    return Optional.of("GPIO backend gpiod: " + libraryPath.get().resolve(lib) + " is missing"
                            + " (pi4j.library.path; reinstall the package: its postinst unpacks the natives)");
                }
            }
        }
        return Optional.empty();
    }

    private boolean uapiV1Off() {
        try {
            return Files.isReadable(kernelConfig)
                    && Files.readAllLines(kernelConfig).contains("# CONFIG_GPIO_CDEV_V1 is not set");
        } catch (IOException e) {
            return false;
        }
    }

    /** The {@code gpiochipN} character devices, sorted. */
    public List<Path> gpioChips() {
        try (Stream<Path> s = Files.list(dev)) {
            return s.filter(p -> p.getFileName().toString().matches("gpiochip\\d+")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
