package com.tagline.station.natives;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JNI libraries the station jar carries, by Debian architecture, and where each goes in the fixed
 * native directory ({@code /usr/lib/tagline/native} in the package). The launcher points the three
 * loaders there: {@code jssc.boot.library.path} (jssc 2.10.2 loads {@code libjssc.so} from it instead of
 * extracting into {@code java.io.tmpdir}), {@code org.sqlite.lib.path} + {@code org.sqlite.lib.name}
 * (sqlite-jdbc), and {@code pi4j.library.path} (pi4j-library-gpiod 2.8.0 then {@code System.load}s
 * {@code libgpiod.so} and {@code libpi4j-gpiod.so} from it). Nothing is unpacked into a possibly
 * {@code noexec} {@code /tmp}.
 *
 * <p>Which build of each library (checked with {@code readelf -A} on the 2.10.2, 3.54.1.0 and 2.8.0 jars):
 * <ul>
 *   <li>arm64 (64-bit Raspberry Pi OS: Pi 3, 4, 400, 5, 500, Zero 2 W, CM3/4/5): jssc {@code linux_arm64},
 *       sqlite {@code Linux/aarch64}, pi4j gpiod {@code aarch64} (libgpiod 1.6.x, needs glibc 2.33).</li>
 *   <li>armhf (32-bit Raspberry Pi OS): jssc {@code linux_arm} and sqlite {@code Linux/armv6} are ARMv6KZ
 *       hard-float builds (glibc 2.28), so every Pi incl. Pi 1 and Zero (W); sqlite's {@code Linux/arm} is an
 *       ARMv5 soft-float build that the armhf loader refuses. pi4j's armhf gpiod builds are ARMv7
 *       (VFPv3-D16): Pi 2 and later incl. Zero 2 W, not Pi 1 / Zero (W).</li>
 *   <li>amd64 (CI, a bench PC): jssc {@code linux_64}, sqlite {@code Linux/x86_64}; no GPIO.</li>
 * </ul>
 */
public final class NativeLibraries {
    /** One library: where it is in the jar and its file name in the native directory. */
    public record Library(String jarPath, String fileName) {
    }

    private static final Map<String, List<Library>> BY_ARCHITECTURE = Map.of(
            "arm64", List.of(new Library("natives/linux_arm64/libjssc.so", "libjssc.so"),
                    new Library("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so", "libsqlitejdbc.so"),
                    new Library("lib/aarch64/pi4j-gpiod/libgpiod.so", "libgpiod.so"),
                    new Library("lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so", "libpi4j-gpiod.so")),
            "armhf", List.of(new Library("natives/linux_arm/libjssc.so", "libjssc.so"),
                    new Library("org/sqlite/native/Linux/armv6/libsqlitejdbc.so", "libsqlitejdbc.so"),
                    new Library("lib/armhf/pi4j-gpiod/libgpiod.so", "libgpiod.so"),
                    new Library("lib/armhf/pi4j-gpiod/libpi4j-gpiod.so", "libpi4j-gpiod.so")),
            "amd64", List.of(new Library("natives/linux_64/libjssc.so", "libjssc.so"),
                    new Library("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", "libsqlitejdbc.so")));

    private NativeLibraries() {
    }

    /** The Debian architectures the jar has libraries for. */
    public static List<String> architectures() {
        return BY_ARCHITECTURE.keySet().stream().sorted().toList();
    }

    /** The libraries of a Debian architecture ({@code arm64}, {@code armhf}, {@code amd64}). */
    public static Optional<List<Library>> of(String debianArchitecture) {
        return Optional.ofNullable(BY_ARCHITECTURE.get(debianArchitecture));
    }

    /** This JVM's Debian architecture name, from {@code os.arch}. */
    public static String currentArchitecture() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "aarch64", "arm64" -> "arm64";
            case "arm", "armhf", "armv7l", "armv6l" -> "armhf";
            case "amd64", "x86_64" -> "amd64";
            default -> arch;
        };
    }

    /**
     * Copies the libraries of {@code debianArchitecture} from this jar into {@code dir}, each through a
     * temporary file and a rename, mode 0644 (read-only for the service: the directory is root's).
     *
     * @return the files written
     * @throws IllegalArgumentException for an architecture without libraries
     * @throws IOException when the jar lacks a library or the directory cannot be written
     */
    public static List<Path> unpack(String debianArchitecture, Path dir) throws IOException {
        List<Library> libraries = of(debianArchitecture).orElseThrow(() -> new IllegalArgumentException(
                "no native libraries for architecture '" + debianArchitecture + "' (have: " + architectures() + ")"));
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Library lib : libraries) {
            Path target = dir.resolve(lib.fileName());
            Path tmp = dir.resolve("." + lib.fileName() + ".tmp");
            try (InputStream in = NativeLibraries.class.getClassLoader().getResourceAsStream(lib.jarPath())) {
                if (in == null) {
                    throw new IOException("the station jar has no " + lib.jarPath());
                }
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            written.add(target);
        }
        return written;
    }
}
