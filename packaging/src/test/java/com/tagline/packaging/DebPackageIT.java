package com.tagline.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.station.natives.NativeLibraries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code tagline-station_<version>_all.deb}, read with Debian's own tools: its files and
 * modes, its control files, the JNI libraries in its jar, lintian, and {@code systemd-analyze verify}
 * of its unit. Installing it is {@code packaging/src/test/deb-install-test.sh}'s job (CI, as root).
 */
class DebPackageIT {
    static final String NATIVE_DIR = "/usr/lib/tagline/native";
    /** ELF e_machine (System V ABI, ELF header): EM_ARM and EM_AARCH64. */
    private static final int EM_ARM = 40;
    private static final int EM_AARCH64 = 183;
    /** ARM ELF e_flags: EF_ARM_ABI_FLOAT_HARD (ARM IHI 0044 "ELF for the ARM Architecture", §5.2). */
    private static final int EF_ARM_ABI_FLOAT_HARD = 0x400;

    @TempDir
    static Path tmp;
    static Path deb;
    static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("deb.dir", "target")))) {
            deb = s.filter(p -> p.getFileName().toString().matches("tagline-station_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no tagline-station_*_all.deb: did package run?"));
        }
        root = Files.createDirectory(tmp.resolve("root"));
        assertEquals(0, Run.of(tmp, "dpkg-deb", "-x", deb.toString(), root.toString()).exit());
    }

    @Test
    void holdsTheStationTheLauncherTheConfigurationAndTheUnitOwnedByRoot() throws Exception {
        Run listing = Run.of(tmp, "dpkg-deb", "-c", deb.toString());
        Map<String, String> entries = new TreeMap<>();
        for (String line : listing.output().split("\n")) {
            String[] f = line.trim().split("\\s+", 6);
            assertEquals("root/root", f[1], line);
            entries.put(f[5], f[0]);
        }
        assertEquals("-rwxr-xr-x", entries.get("./usr/bin/tagline-station"));
        assertEquals("-rw-r--r--", entries.get("./usr/share/tagline/station.jar"));
        assertEquals("-rw-r--r--", entries.get("./usr/share/tagline/jvm.options"));
        assertEquals("-rw-r--r--", entries.get("./etc/tagline/station.yaml"));
        assertEquals("-rw-r--r--", entries.get("./lib/systemd/system/tagline-station.service"));
        assertEquals("-rw-r--r--", entries.get("./usr/share/doc/tagline-station/copyright"));
        assertEquals("-rw-r--r--", entries.get("./usr/share/man/man1/tagline-station.1.gz"));
        assertFalse(entries.keySet().stream().anyMatch(e -> e.startsWith("./var/") || e.endsWith(".so")),
                "the store and the JNI libraries are made at installation: " + entries.keySet());
        assertEquals(Files.readString(Path.of("..", "configs", "station.example.yaml")),
                Files.readString(root.resolve("etc/tagline/station.yaml")), "the conffile is the Pi example");
    }

    @Test
    void controlDependsOnAHeadlessJava17AndMarksTheConfigurationAConffile() throws Exception {
        Map<String, String> fields = new TreeMap<>();
        for (String field : List.of("Package", "Version", "Architecture", "Depends")) {
            fields.put(field, Run.of(tmp, "dpkg-deb", "-f", deb.toString(), field).output().strip());
        }
        assertEquals("tagline-station", fields.get("Package"));
        assertEquals("all", fields.get("Architecture"));
        assertTrue(deb.getFileName().toString().equals("tagline-station_" + fields.get("Version") + "_all.deb"));
        assertTrue(fields.get("Depends").contains("default-jre-headless (>= 2:1.17) | java17-runtime-headless"),
                fields.get("Depends"));
        assertTrue(fields.get("Depends").contains("adduser"), fields.get("Depends"));
        Path control = tmp.resolve("control");
        assertEquals(0, Run.of(tmp, "dpkg-deb", "-e", deb.toString(), control.toString()).exit());
        assertEquals("/etc/tagline/station.yaml", Files.readString(control.resolve("conffiles")).strip());
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertTrue(Files.isExecutable(control.resolve(script)), script);
            Run syntax = Run.of(tmp, "sh", "-n", control.resolve(script).toString());
            assertEquals(0, syntax.exit(), script + ": " + syntax.output());
        }
        String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("natives --into \"$NATIVE_DIR\"") && postinst.contains("NATIVE_DIR=" + NATIVE_DIR),
                "postinst unpacks the natives into " + NATIVE_DIR);
    }

    @Test
    void launcherPointsEveryNativeLoaderAtTheDirectoryThePostinstFills() throws Exception {
        List<String> options = Files.readAllLines(root.resolve("usr/share/tagline/jvm.options")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        for (String property : List.of("jssc.boot.library.path", "org.sqlite.lib.path", "pi4j.library.path")) {
            assertTrue(options.contains("-D" + property + "=" + NATIVE_DIR), property + " in " + options);
        }
        assertTrue(options.contains("-Dorg.sqlite.lib.name=libsqlitejdbc.so"), options.toString());
        assertTrue(options.contains("-XX:+UseSerialGC") && options.stream().anyMatch(o -> o.startsWith("-Xmx")),
                options.toString());
        String launcher = Files.readString(root.resolve("usr/bin/tagline-station"));
        assertTrue(launcher.contains("@/usr/share/tagline/jvm.options") && launcher.contains("/usr/share/tagline/station.jar"),
                launcher);
    }

    /**
     * Every Pi's libraries are in the jar: the arm64 builds are AArch64 ELF64, the armhf builds ARM ELF32
     * with the hard-float ABI (Raspberry Pi OS's armhf; sqlite-jdbc's Linux/arm build is soft-float and
     * would not load).
     */
    @Test
    void stationJarHoldsHardFloatArmAndAarch64BuildsOfEveryJniLibrary() throws Exception {
        try (ZipFile jar = new ZipFile(root.resolve("usr/share/tagline/station.jar").toFile())) {
            for (var lib : NativeLibraries.of("arm64").orElseThrow()) {
                byte[] elf = header(jar, lib.jarPath());
                assertEquals(2, elf[4], lib + ": ELFCLASS64");
                assertEquals(EM_AARCH64, u16(elf, 18), lib + ": EM_AARCH64");
            }
            for (var lib : NativeLibraries.of("armhf").orElseThrow()) {
                byte[] elf = header(jar, lib.jarPath());
                assertEquals(1, elf[4], lib + ": ELFCLASS32");
                assertEquals(EM_ARM, u16(elf, 18), lib + ": EM_ARM");
                assertTrue((u32(elf, 36) & EF_ARM_ABI_FLOAT_HARD) != 0, lib + ": hard-float ABI");
            }
            List<String> names = NativeLibraries.of("arm64").orElseThrow().stream().map(l -> l.jarPath()).toList();
            assertTrue(names.stream().anyMatch(n -> n.contains("libjssc")) && names.stream().anyMatch(n -> n.contains("sqlite")));
        }
    }

    @Test
    void lintianFindsNoError() throws Exception {
        assertTrue(Run.onPath("lintian"), "lintian is not installed (.ci/run installs it)");
        Run lintian = Run.of(tmp, "lintian", "--tag-display-limit", "0", deb.toString());
        System.out.println("lintian:\n" + lintian.output());
        assertFalse(lintian.output().lines().anyMatch(l -> l.startsWith("E:")), lintian.output());
        assertEquals(0, lintian.exit(), lintian.output());
    }

    /**
     * {@code systemd-analyze verify} of the unit as packaged. Before installation its ExecStart is not on
     * this machine, so the copy verified here starts the staged launcher; the CI install test verifies the
     * installed unit itself. An unknown key is only a warning to systemd: the output must be empty too.
     */
    @Test
    void unitVerifiesWithoutAnyMessage() throws Exception {
        assertTrue(Run.onPath("systemd-analyze"), "systemd-analyze is not installed (.ci/run installs systemd)");
        String unit = Files.readString(root.resolve("lib/systemd/system/tagline-station.service"));
        assertTrue(unit.contains("ExecStart=/usr/bin/tagline-station run --config /etc/tagline/station.yaml"));
        Path copy = Files.createDirectories(tmp.resolve("unit")).resolve("tagline-station.service");
        Files.writeString(copy, unit.replace("ExecStart=/usr/bin/tagline-station",
                "ExecStart=" + root.resolve("usr/bin/tagline-station")));
        Run verify = Run.of(tmp, "systemd-analyze", "verify", "--man=no", copy.toString());
        assertEquals("", verify.output().strip());
        assertEquals(0, verify.exit());
        for (String key : List.of("Type=notify", "NotifyAccess=all", "Restart=on-failure", "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/tagline", "NoNewPrivileges=yes", "PrivateTmp=yes", "DevicePolicy=closed",
                "DeviceAllow=char-ttyAMA rw", "DeviceAllow=char-gpiochip rw",
                "LoadCredential=keys.yaml:/etc/tagline/keys.yaml", "LoadCredential=tagbase.token:/etc/tagline/tagbase.token",
                "User=tagline", "TimeoutStopSec=120s", "RestartPreventExitStatus=2", "SuccessExitStatus=143")) {
            assertTrue(unit.lines().anyMatch(l -> l.equals(key)), key);
        }
    }

    private static byte[] header(ZipFile jar, String path) throws IOException {
        ZipEntry e = jar.getEntry(path);
        assertTrue(e != null, "the station jar has no " + path);
        try (InputStream in = jar.getInputStream(e)) {
            byte[] h = in.readNBytes(52);
            assertEquals(0x7F, h[0] & 0xFF, path + " is not ELF");
            assertEquals("ELF", new String(h, 1, 3, java.nio.charset.StandardCharsets.US_ASCII), path);
            return h;
        }
    }

    private static int u16(byte[] b, int off) {
        return ByteBuffer.wrap(b, off, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
    }

    private static long u32(byte[] b, int off) {
        return ByteBuffer.wrap(b, off, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
    }
}
