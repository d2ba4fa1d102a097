package com.tagline.station.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values a configuration can hold that used to be taken and then hurt a running station: zero periods and
 * limits, a key written twice, a file far too big to be a configuration. Each is refused by name, with exit 2.
 */
class ConfigEdgeInputTest {
    @TempDir
    Path dir;

    /** The shortest valid file (hand-fed, tagbase). */
    private static final String MINIMAL = ConfigLoaderTest.MINIMAL;

    private List<String> problems(String yaml) throws IOException {
        Path f = dir.resolve("station.yaml");
        Files.writeString(f, yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(f)).problems();
    }

    @Test
    void aZeroWatchdogPeriodOrLineLimitIsRefusedByName() throws IOException {
        // watchdog_ms 0 reached ScheduledExecutorService (period 0: IllegalArgumentException, exit 1 "null");
        // gate_pulse_ms 0 never pushed a failed chip off; a zero clear or idle limit jammed or idled at once.
        List<String> p = problems(MINIMAL.replace("line: {mode: hand-fed}", "line: {mode: hand-fed, watchdog_ms: 0,"
                + " timing: {gate_pulse_ms: 0, encoder_eye_clear_ms: 0, reject_eye_clear_ms: 0, idle_after_ms: 0}}"));
        assertEquals(List.of("line.timing.gate_pulse_ms: must be a whole number 1..10000, was '0'",
                "line.timing.encoder_eye_clear_ms: must be a whole number 1..60000, was '0'",
                "line.timing.reject_eye_clear_ms: must be a whole number 1..60000, was '0'",
                "line.timing.idle_after_ms: must be a whole number 1..3600000, was '0'",
                "line.watchdog_ms: must be a whole number 1..10000, was '0'"), p);
    }

    @Test
    void aZeroPlatformTimeoutOrSyncIntervalIsRefusedByName() throws IOException {
        // request_timeout_ms 0 failed every platform call ("Timeout 0 (ms) fired"); interval_ms 0 made the idle
        // sync spin on the store (a whole CPU core).
        List<String> p = problems(MINIMAL.replace("api_key_env: TAGBASE_API_KEY}",
                "api_key_env: TAGBASE_API_KEY, connect_timeout_ms: 0, request_timeout_ms: 0}") + "sync: {interval_ms: 0}\n");
        assertEquals(List.of("platform.connect_timeout_ms: must be a whole number 1..120000, was '0'",
                "platform.request_timeout_ms: must be a whole number 100..600000, was '0'",
                "sync.interval_ms: must be a whole number 10..3600000, was '0'"), p);
    }

    @Test
    void aKeyWrittenTwiceIsRefusedNotSilentlyTheLastOne() throws IOException {
        List<String> p = problems(MINIMAL + "station: line-2\n");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("line 6, column ") && p.get(0).contains("'station' is written twice"),
                p.toString());
        List<String> nested = problems(MINIMAL.replace("line: {mode: hand-fed}", "line: {mode: hand-fed, mode: conveyor}"));
        assertTrue(nested.get(0).contains("'mode' is written twice"), nested.toString());
    }

    @Test
    void aFileFarTooBigForAConfigurationIsRefusedWithoutParsingIt() throws IOException {
        // 50 MB of one plain scalar kept the YAML scanner busy for minutes before "must be a mapping"
        Path f = dir.resolve("huge.yaml");
        Files.write(f, "a".repeat(8 * 1024 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        List<String> p = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConfigException.class, () -> ConfigLoader.load(f)).problems());
        assertEquals(List.of("the file is larger than 1 MiB: not a station configuration (is --config the right file?)"), p);
    }

    @Test
    void aPinUsedTwiceIsOneProblemNotOnePerRole() throws IOException {
        List<String> p = problems(MINIMAL.replace("line: {mode: hand-fed}", """
                line:
                  pins:
                    conveyor:     {bcm: 22, direction: out}
                    reject-gate:  {bcm: 23, direction: out}
                    light-green:  {bcm: 5,  direction: out}
                    light-amber:  {bcm: 6,  direction: out}
                    light-red:    {bcm: 13, direction: out}
                    buzzer:       {bcm: 19, direction: out}
                    encoder-eye:  {bcm: 17, direction: in}
                    reject-eye:   {bcm: 27, direction: in}
                    estop:        {bcm: 22, direction: in}
                """));
        assertEquals(1, p.size(), p.toString());
        assertEquals("line.pins: BCM 22 is used twice (conveyor and estop)", p.get(0));
    }

    @Test
    void aNumberWithALeadingZeroIsRefusedNotReadAsOctal() throws IOException {
        // before: YAML 1.1 read 'bcm: 017' as pin 15 and 'watchdog_ms: 020' as 16 ms, silently
        List<String> p = problems(MINIMAL.replace("line: {mode: hand-fed}",
                "line:\n  mode: hand-fed\n  watchdog_ms: 020\n  pins:\n    eye: {bcm: 017, direction: in}\n"));
        assertEquals(List.of("line 7, column 16: '020' would be read as octal 16; write the number without a leading 0",
                "line 9, column 16: '017' would be read as octal 15; write the number without a leading 0"), p);
        assertEquals(java.time.Duration.ofMillis(20), ConfigLoader.load(writeFile(MINIMAL.replace("line: {mode: hand-fed}",
                "line: {mode: hand-fed, watchdog_ms: 20}\nencoding: {lease_low_water: 0}"))).line().watchdog(),
                "a plain 0 and other numbers are fine");
    }

    @Test
    void aSpeedChangeOverATcpSerialServerIsRefused() throws IOException {
        // before: taken; the PN532 switched its UART to 921600 while the serial server's port stayed at its own
        // speed (TcpSerialLink ignores a speed change), and the reader never answered again until powered off
        List<String> p = problems(MINIMAL + "reader: {link: \"tcp://ser2net.lan:3333\", baud: 921600}\n");
        assertEquals(List.of("reader.baud: a tcp:// link cannot change the serial server's speed, so the PN532 would"
                + " no longer be understood; leave reader.baud out (the server's port stays at 115200)"), p);
        assertEquals(java.util.Optional.of(921600), ConfigLoader.load(writeFile(MINIMAL
                + "reader: {link: /dev/ttyUSB0, baud: 921600}\n")).reader().baud(), "a local port changes speed");
    }

    @Test
    void aLineSectionThatIsNoMappingIsOneProblem() throws IOException {
        // before: the line fell back to conveyor mode and every role added 'no pin for signal' (11 lines in all)
        assertEquals(List.of("line: must be a mapping"), problems(MINIMAL.replace("line: {mode: hand-fed}",
                "line: [hand-fed]")));
    }

    @Test
    void aTrustedKeyThatIsNoPointOnItsCurveIsNamedAtStart() throws IOException {
        // before: the file was valid and the station exited 1, "cannot start: trusted originality key is not a point
        // on secp224r1", naming neither the field nor which key
        String notAPoint = "04" + "00".repeat(56);
        List<String> p = problems(MINIMAL + "trust: {ntag424: [\"" + notAPoint + "\"], ntag223: [\"" + "AB".repeat(30)
                + "\"]}\n");
        assertEquals(List.of("trust.ntag424[0]: is not a public key on secp224r1 (uncompressed: 04, X, Y)",
                "trust.ntag223[0]: is not a public key on secp192r1 (uncompressed: 04, X, Y)"), p);
    }

    @Test
    void anApiBaseThatWouldChangeTheHostIsRefused() throws IOException {
        // before: taken as written and appended to base_url: 'v1' made https://tagbase.example.comv1/..., '.evil.example'
        // and '@evil.example' sent the token to another host
        for (String base : List.of("v1", ".evil.example/api", "@evil.example/api", "/api/v1?x=1", "/api/../v1", "/api/")) {
            List<String> p = problems(MINIMAL.replace("api_key_env: TAGBASE_API_KEY}",
                    "api_key_env: TAGBASE_API_KEY, api_base: \"" + base + "\"}"));
            assertEquals(List.of("platform.api_base: must be a path like /api/v1 (segments of letters, digits, '.', '_',"
                    + " '~', '-'), was '" + base + "'"), p, base);
        }
        assertEquals("/tagbase/api/v1", ConfigLoader.load(writeFile(MINIMAL.replace("api_key_env: TAGBASE_API_KEY}",
                "api_key_env: TAGBASE_API_KEY, api_base: /tagbase/api/v1}"))).platform().apiBase());
    }

    private Path writeFile(String yaml) throws IOException {
        return Files.writeString(dir.resolve("station.yaml"), yaml);
    }
}
