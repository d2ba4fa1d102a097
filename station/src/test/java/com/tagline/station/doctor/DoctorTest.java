package com.tagline.station.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.line.GpiodPreflight;
import com.tagline.simulator.cli.Pn532Server;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import com.tagline.station.config.ConfigLoader;
import com.tagline.station.config.StationConfig;
import com.tagline.station.run.DataDirectoryLock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code station doctor} against the simulators: the PN532 emulator on a socat pty, the tagbase emulator
 * on loopback, a real SQLite file. Every check passes on a good set-up; each broken part is named.
 */
class DoctorTest {
    private static final String TOKEN = "sk_test_doctor_0123456789";
    private static final byte[] UID = HexFormat.of().parseHex("04A1B2C3D4E5F6");
    private static final ClockCheck NTP_SYNCED = new ClockCheck(() -> Optional.of(true));

    @TempDir
    Path dir;

    private TagbaseEmulator platform;
    private Pn532Server pn532;
    private ServiceAccount me;
    private final List<ServerSocket> silent = new ArrayList<>();

    @BeforeEach
    void parts() throws IOException {
        owner(Files.copy(Path.of("..", "configs", "keys.example.yaml"), dir.resolve("keys.yaml")));
        owner(Files.writeString(dir.resolve("tagbase.token"), TOKEN + "\n"));
        Files.createDirectories(dir.resolve("data"));
        platform = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(TOKEN).withPort(0));
        pn532 = Pn532Server.start(dir.resolve("pn532"),
                List.of(new Ntag424FieldChip(SimulatedNtag424.builder().uid(UID).build())));
        // The service user of these tests is whoever runs them (owner of the files they make).
        int uid = (Integer) Files.getAttribute(dir, "unix:uid");
        int gid = (Integer) Files.getAttribute(dir, "unix:gid");
        me = new ServiceAccount(System.getProperty("user.name"), uid, gid, Set.of(gid), Set.of());
    }

    @AfterEach
    void stop() throws IOException {
        pn532.close();
        platform.close();
        for (ServerSocket s : silent) {
            s.close();
        }
    }

    @Test
    void everyCheckPassesOnAGoodSetUp() throws IOException {
        List<Finding> findings = doctor(config(platform.baseUrl(), pn532.link().toString()), Duration.ofSeconds(7));
        assertEquals(List.of("keys", "token", "serial", "pn532", "field", "gpio", "platform", "clock", "disk", "store"),
                findings.stream().map(Finding::check).toList());
        findings.forEach(f -> assertEquals(Verdict.PASS, f.verdict(), f.line()));
        assertTrue(find(findings, "field").detail().contains("04A1B2C3D4E5F6"), find(findings, "field").line());
        assertTrue(find(findings, "pn532").detail().contains("PN532 v1.6"), find(findings, "pn532").line());
        assertTrue(find(findings, "platform").detail().endsWith("token accepted: a read-only GET of the made-up tag"
                + " tag_doctor_probe answered 404, which the platform says only to a token it accepted (a refused one"
                + " gets 401)"), find(findings, "platform").line());
        assertTrue(findings.stream().noneMatch(f -> f.line().contains(TOKEN)), "no line shows the token");
    }

    @Test
    void exposedSecretsAndAWrongTokenAreNamed() throws IOException {
        Files.setPosixFilePermissions(dir.resolve("keys.yaml"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dir.resolve("tagbase.token"), "sk_wrong\n");
        List<Finding> findings = doctor(config(platform.baseUrl(), pn532.link().toString()), Duration.ofSeconds(7));
        assertEquals(Verdict.FAIL, find(findings, "keys").verdict());
        assertTrue(find(findings, "keys").detail().contains("0644: readable or writable by group or others; run chmod 600"),
                find(findings, "keys").line());
        assertEquals(Verdict.FAIL, find(findings, "platform").verdict());
        assertTrue(find(findings, "platform").detail().contains("rejected the token (401)"), find(findings, "platform").line());
        assertEquals(Set.of("keys", "platform"), failed(findings));

        Files.setPosixFilePermissions(dir.resolve("tagbase.token"), PosixFilePermissions.fromString("rw-r-----"));
        assertTrue(find(doctor(config(platform.baseUrl(), pn532.link().toString()), Duration.ofSeconds(7)), "token")
                .detail().contains("0640"));
    }

    @Test
    void withoutATokenThePlatformIsStillReachedAndTheLineSaysWhatIsMissing() throws IOException {
        Files.delete(dir.resolve("tagbase.token"));
        List<Finding> findings = doctor(config(platform.baseUrl(), pn532.link().toString()), Duration.ofSeconds(7));
        assertTrue(find(findings, "token").detail().contains("tagbase.token does not exist; write the platform's API"
                + " token into it"), find(findings, "token").line());
        assertTrue(find(findings, "platform").detail().endsWith("answered (401), but there is no API token to try:"
                + " see the token line"), find(findings, "platform").line());
        assertEquals(Verdict.PASS, find(findings, "clock").verdict(), "the platform's Date still came");
        assertEquals(Set.of("token", "platform"), failed(findings));
    }

    @Test
    void theConsolesOperatorTokenIsCheckedAsTheStationReadsIt() throws IOException {
        Path token = owner(Files.writeString(dir.resolve("operator.token"), "short\n"));
        String console = "console: {listen: \"127.0.0.1:0\", operator_token_file: operator.token}";
        List<Finding> findings = doctor(config(platform.baseUrl(), pn532.link().toString(), console), Duration.ofSeconds(7));
        assertEquals(List.of("keys", "token", "operator"), findings.subList(0, 3).stream().map(Finding::check).toList());
        assertTrue(find(findings, "operator").detail().contains("the operator token must be at least"),
                find(findings, "operator").line());
        assertEquals(Set.of("operator"), failed(findings));

        Files.writeString(token, "an-operator-token-long-enough-0123\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        findings = doctor(config(platform.baseUrl(), pn532.link().toString(), console), Duration.ofSeconds(7));
        assertTrue(find(findings, "operator").detail().contains("0644: readable or writable by group or others"),
                find(findings, "operator").line());

        owner(token);
        findings = doctor(config(platform.baseUrl(), pn532.link().toString(), console), Duration.ofSeconds(7));
        assertEquals(Verdict.PASS, find(findings, "operator").verdict(), find(findings, "operator").line());
        assertTrue(findings.stream().noneMatch(f -> f.line().contains("an-operator-token")), "no line shows the token");
    }

    /**
     * A station running on the data directory owns the reader: the doctor does not open it (its frames would
     * interleave with the station's and fail its exchanges), says so, and checks the rest.
     */
    @Test
    void theReaderOfARunningStationIsNotOpened() throws IOException {
        try (DataDirectoryLock running = DataDirectoryLock.take(dir.resolve("data"))) {
            List<Finding> findings = doctor(config(platform.baseUrl(), pn532.link().toString()), Duration.ofSeconds(7));
            for (String reader : List.of("serial", "pn532", "field")) {
                Finding f = find(findings, reader);
                assertEquals(Verdict.WARN, f.verdict(), f.line());
                assertTrue(f.detail().contains("a station runs on this data directory (process "
                        + ProcessHandle.current().pid() + ")"), f.line());
            }
            assertEquals(Verdict.PASS, find(findings, "store").verdict(), find(findings, "store").line());
            assertEquals(0, pn532.emulator().counters().bytesFromHost(), "the doctor sent the PN532 nothing");
        }
        assertEquals(Verdict.PASS, find(doctor(config(platform.baseUrl(), pn532.link().toString()),
                Duration.ofSeconds(7)), "pn532").verdict(), "checked again once the station stopped");
    }

    /** Everything unplugged: no serial device, a platform that accepts and never answers. */
    @Test
    void everythingUnpluggedEndsWithinTenSecondsNamingEachPart() throws IOException {
        long t0 = System.nanoTime();
        List<Finding> findings = doctor(config(silentPlatform(), dir.resolve("ttyUSB9").toString()),
                DoctorCommand.DEADLINE);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 10_000, millis + " ms");
        assertTrue(find(findings, "serial").detail().contains("ttyUSB9 does not exist"), find(findings, "serial").line());
        assertEquals(Verdict.FAIL, find(findings, "pn532").verdict());
        assertTrue(find(findings, "platform").detail().contains("did not answer"), find(findings, "platform").line());
        assertEquals(Set.of("serial", "pn532", "platform"), failed(findings));
    }

    @Test
    void aCheckStillRunningAtTheDeadlineIsAFailSayingSo() throws IOException {
        List<Finding> findings = doctor(config(silentPlatform(), pn532.link().toString()), Duration.ofMillis(300));
        assertEquals(Verdict.FAIL, find(findings, "platform").verdict());
        assertTrue(find(findings, "platform").detail().startsWith("no result within 0 s: the check hung"),
                find(findings, "platform").line());
        assertEquals(Verdict.FAIL, find(findings, "clock").verdict());
    }

    /** An https:// base URL to a plain-HTTP server: said in words, not as Netty's hex dump of the answer. */
    @Test
    void httpsToAPlainHttpServerIsNamedAsSuch() throws IOException {
        String https = platform.baseUrl().replace("http://", "https://");
        Finding f = find(doctor(config(https, pn532.link().toString()), Duration.ofSeconds(7)), "platform");
        assertEquals(Verdict.FAIL, f.verdict(), f.line());
        assertTrue(f.detail().startsWith("the server at " + https + " speaks plain HTTP, not TLS"), f.line());
        assertTrue(!f.detail().contains("ca_file") && !f.detail().contains("485454502f"), f.line());
    }

    /** A data directory not made yet: the disk line says so and whether the service user could make it. */
    @Test
    void aMissingDataDirectoryIsAWarningNamingWhetherItCanBeMade() throws IOException {
        Path config = Files.writeString(config(platform.baseUrl(), pn532.link().toString()),
                Files.readString(dir.resolve("station.yaml")).replace("data_dir: data", "data_dir: later/data"));
        Finding disk = find(doctor(config, Duration.ofSeconds(7)), "disk");
        assertEquals(Verdict.WARN, disk.verdict(), disk.line());
        assertTrue(disk.detail().startsWith(dir.resolve("later/data") + " does not exist yet; " + dir
                + " is writable by user " + me.name() + "; "), disk.line());

        ServiceAccount stranger = new ServiceAccount("tagline", 4242, 4242, Set.of(4242), Set.of());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        disk = find(new Doctor(ConfigLoader.load(config), Map.of(), Optional.of(stranger), Duration.ofSeconds(7),
                GpiodPreflight.host(), NTP_SYNCED).run(), "disk");
        assertEquals(Verdict.WARN, disk.verdict(), disk.line());
        assertTrue(disk.detail().contains(dir + " is not writable by user tagline: make it with install -d -o tagline"
                + " -g tagline -m 750 " + dir.resolve("later/data")), disk.line());
    }

    @Test
    void aCorruptStoreFailsQuickCheck() throws Exception {
        Path db = dir.resolve("data").resolve("station.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("CREATE INDEX t_v ON t (v)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                    + " INSERT INTO t SELECT i, printf('value-%08d', i * 7919 % 3000) FROM n");
        }
        assertEquals(Verdict.PASS, find(doctor(config(platform.baseUrl(), pn532.link().toString()),
                Duration.ofSeconds(7)), "store").verdict());
        // Overwrite the middle of the file (b-tree pages of the table and the index) with a pattern.
        try (var f = new java.io.RandomAccessFile(db.toFile(), "rw")) {
            long middle = f.length() / 2 / 4096 * 4096;
            f.seek(middle + 100);
            f.write(new byte[2048]);
        }
        Finding store = find(doctor(config(platform.baseUrl(), pn532.link().toString()), Duration.ofSeconds(7)), "store");
        assertEquals(Verdict.FAIL, store.verdict(), store.line());
    }

    private List<Finding> doctor(Path config, Duration deadline) {
        StationConfig c = ConfigLoader.load(config);
        GpiodPreflight unused = GpiodPreflight.host();
        return new Doctor(c, Map.of(), Optional.of(me), deadline, unused, NTP_SYNCED).run();
    }

    private Path config(String baseUrl, String link) throws IOException {
        return config(baseUrl, link, "");
    }

    private Path config(String baseUrl, String link, String more) throws IOException {
        return Files.writeString(dir.resolve("station.yaml"), String.join("\n",
                "station: doctor-1",
                "data_dir: data",
                "keys: {file: keys.yaml}",
                "platform: {base_url: \"" + baseUrl + "\", api_key_file: tagbase.token}",
                "reader: {link: \"" + link + "\"}",
                "line: {mode: hand-fed}",
                "store: {min_free_mb: 1}", more, ""));
    }

    /** A loopback port that accepts connections and never answers. */
    private String silentPlatform() throws IOException {
        ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        silent.add(s);
        Thread t = new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            try {
                while (true) {
                    held.add(s.accept());
                }
            } catch (IOException closed) {
                held.forEach(h -> {
                    try {
                        h.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                });
            }
        }, "silent-platform");
        t.setDaemon(true);
        t.start();
        return "http://127.0.0.1:" + s.getLocalPort();
    }

    private static Path owner(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static Finding find(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
    }

    private static Set<String> failed(List<Finding> findings) {
        return findings.stream().filter(f -> f.verdict() == Verdict.FAIL).map(Finding::check).collect(Collectors.toSet());
    }
}
