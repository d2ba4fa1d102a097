package com.tagline.station.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station YAML: the shipped examples load, and every bad field is named (issue 6). */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    static final String MINIMAL = """
            station: line-1
            data_dir: data
            keys: {file: keys.yaml}
            platform: {base_url: "http://127.0.0.1:8080", api_key_env: TAGBASE_API_KEY}
            line: {mode: hand-fed}
            """;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("station.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private List<String> problems(String yaml) throws IOException {
        Path f = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(f)).problems();
    }

    @Test
    void theRaspberryPiExampleLoads() {
        StationConfig c = ConfigLoader.load(Path.of("..", "configs", "station.example.yaml"));
        assertEquals("line-1", c.station());
        assertEquals(List.of(ChipProtocol.NTAG_424_DNA, ChipProtocol.NTAG_223_DNA), c.encoding().protocols());
        assertTrue(c.line().conveyor());
        assertFalse(c.line().mockPins());
        assertEquals(22, c.line().pins().pin("conveyor").bcm());
        assertFalse(c.line().pins().pin("encoder-eye").activeHigh());
        assertEquals("outfeed-full", c.line().signals().outfeedFull());
        assertTrue(c.line().signals().infeedReadySignal().isEmpty(), "no infeed-ready pin in the example");
        assertEquals(Duration.ofMillis(80), c.line().timing().gatePulse());
        assertEquals(921600, c.reader().baud().orElseThrow());
        assertEquals("file:/etc/tagline/tagbase.token", c.platform().apiKey().toString());
    }

    @Test
    void theBenchExampleLoads() {
        StationConfig c = ConfigLoader.load(Path.of("..", "configs", "bench.example.yaml"));
        assertFalse(c.line().conveyor());
        assertEquals(20, c.encoding().leases().highWater());
    }

    @Test
    void theLineSaysWhatToDoWithItemsLeftOnTheBeltAndHowFastAnItemCanReachTheGate() throws IOException {
        StationConfig pi = ConfigLoader.load(Path.of("..", "configs", "station.example.yaml"));
        assertEquals(StationConfig.AfterRestart.REJECT, pi.line().afterRestart());
        assertEquals(java.time.Duration.ofMillis(850), pi.line().timing().encoderToRejectMin());
        StationConfig wait = ConfigLoader.load(write(MINIMAL.replace("line: {mode: hand-fed}",
                "line: {mode: hand-fed, after_restart: wait_for_clear}")));
        assertEquals(StationConfig.AfterRestart.WAIT_FOR_CLEAR, wait.line().afterRestart());
        List<String> bad = problems(MINIMAL.replace("line: {mode: hand-fed}", "line: {mode: hand-fed, after_restart:"
                + " pass, timing: {encoder_to_reject_ms: 1000, encoder_to_reject_min_ms: 1200}}"));
        assertTrue(bad.stream().anyMatch(p -> p.startsWith("line.after_restart: must be one of")), bad.toString());
        assertTrue(bad.stream().anyMatch(p -> p.startsWith("line.timing.encoder_to_reject_min_ms: must be below")),
                bad.toString());
    }

    @Test
    void aYamlSyntaxErrorNamesItsLineAndColumn() throws IOException {
        List<String> problems = problems("station: b1\ndata_dir: data\nkeys:\n  file: keys.yaml\n platform: x\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("line 5, column 2: not valid YAML"), problems.toString());
    }

    @Test
    void aSerialSpeedThePn532DoesNotOfferIsRefusedInEitherPlace() throws IOException {
        List<String> problems = problems(MINIMAL + "reader: {link: \"/dev/ttyUSB0?baud=12345\", baud: 12345}\n");
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("reader.link: ?baud=12345 is not a speed the PN532")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("reader.baud: 12345 is not a speed the PN532")),
                problems.toString());
        assertEquals(2, problems.size(), "one message per real error: " + problems);
    }

    @Test
    void wrongTypesGiveOneMessageEachSayingWhatWasWritten() throws IOException {
        List<String> problems = problems(MINIMAL + "encoding: {max_attempts_per_tag: three, lease_low_water: [1]}\n"
                + "sync: {batch_size: x}\n");
        assertEquals(List.of("encoding.max_attempts_per_tag: must be a whole number 1..20, was 'three'",
                "encoding.lease_low_water: must be a whole number 0..10000, was a list",
                "sync.batch_size: must be a whole number 1..500, was 'x'"), problems);
    }

    @Test
    void theIxkioExampleLoads() {
        StationConfig c = ConfigLoader.load(Path.of("..", "configs", "ixkio.example.yaml"));
        assertEquals(StationConfig.PlatformKind.IXKIO, c.platform().kind());
        assertEquals("/v1", c.platform().apiBase(), "ixkio's API base by default");
        assertEquals(Path.of("..", "configs", "batch-1.csv").toAbsolutePath().normalize(),
                c.platform().manifest().orElseThrow().normalize());
    }

    @Test
    void aManifestIsOnlyForIxkio() throws IOException {
        List<String> problems = problems(MINIMAL.replace("api_key_env: TAGBASE_API_KEY}",
                "api_key_env: TAGBASE_API_KEY, manifest: batch.csv}"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("platform.manifest: only platform.kind ixkio")),
                problems.toString());
    }

    @Test
    void aMinimalFileTakesTheNamedDefaults() throws IOException {
        StationConfig c = ConfigLoader.load(write(MINIMAL));
        assertEquals(dir.resolve("data"), c.dataDir(), "relative to the configuration file");
        assertEquals(dir.resolve("keys.yaml"), c.keys().file().orElseThrow());
        assertEquals(List.of(ChipProtocol.NTAG_424_DNA), c.encoding().protocols());
        assertEquals(3, c.encoding().policy().maxAttemptsPerTag());
        assertEquals(100, c.sync().batchSize());
        assertEquals("/api/v1", c.platform().apiBase());
    }

    @Test
    void everyProblemIsNamedByItsPathAtOnce() throws IOException {
        List<String> p = problems("""
                station: "line 1"
                data_dir: data
                colour: blue
                keys: {}
                platform: {base_url: "ftp://x", api_key_env: A, api_key_file: b}
                encoding: {protocols: [ntag_215], max_attempts_per_tag: 0, lease_low_water: 9, lease_high_water: 3}
                sync: {batch_size: 501}
                line: {mode: hand-fed}
                """);
        String all = String.join("\n", p);
        assertTrue(all.contains("station: must be 1..64 letters"), all);
        assertTrue(all.contains("colour: unknown key"), all);
        assertTrue(all.contains("keys.file: give exactly one of keys.file and keys.env_prefix"), all);
        assertTrue(all.contains("platform.base_url: must be http(s)://"), all);
        assertTrue(all.contains("platform.api_key_file: give exactly one"), all);
        assertTrue(all.contains("encoding.protocols[0]: unknown protocol 'ntag_215'"), all);
        assertTrue(all.contains("encoding.max_attempts_per_tag: must be a whole number 1..20"), all);
        assertTrue(all.contains("encoding.lease_high_water: must be at least lease_low_water (9)"), all);
        assertTrue(all.contains("sync.batch_size: must be a whole number 1..500"), all);
    }

    @Test
    void aConveyorNeedsEveryRoleOnAPinOfTheRightDirection() throws IOException {
        List<String> p = problems(MINIMAL.replace("line: {mode: hand-fed}", """
                line:
                  mode: conveyor
                  pins:
                    conveyor: {bcm: 22, direction: in}
                    encoder-eye: {bcm: 17, direction: in, active: sideways}
                    reject-eye: {bcm: 17, direction: in}
                    estop: {direction: in}
                """));
        String all = String.join("\n", p);
        assertTrue(all.contains("line.pins.encoder-eye.active: must be one of [high, low]"), all);
        assertTrue(all.contains("line.pins.estop.bcm: is required"), all);
        assertTrue(all.contains("BCM 17 is used twice"), all);
    }

    @Test
    void aRoleMappedToTheWrongDirectionOrToNoPinIsNamed() throws IOException {
        List<String> p = problems(MINIMAL.replace("line: {mode: hand-fed}", """
                line:
                  mode: conveyor
                  pins:
                    conveyor: {bcm: 22, direction: in}
                    encoder-eye: {bcm: 17, direction: in}
                """));
        String all = String.join("\n", p);
        assertTrue(all.contains("line.pins.conveyor.direction: the conveyor signal must be out"), all);
        assertTrue(all.contains("line.pins: no pin for signal 'reject-gate' (reject_gate)"), all);
        assertTrue(all.contains("line.pins: no pin for signal 'estop' (estop)"), all);
    }

    @Test
    void notYamlAtAllIsAClearError() throws IOException {
        List<String> p = problems("station: [unclosed");
        assertTrue(p.get(0).startsWith("line 1, column 19: not valid YAML"), p.toString());
    }

    @Test
    void theTokenComesFromAnOwnerOnlyFileOrTheEnvironmentAndIsNeverShown() throws IOException {
        Path token = dir.resolve("t");
        Files.writeString(token, "sk_live_secret\n");
        Files.setPosixFilePermissions(token, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Secret file = new Secret(java.util.Optional.of(token), java.util.Optional.empty());
        ConfigException e = assertThrows(ConfigException.class, () -> file.read("platform.api_key", java.util.Map.of()));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        Files.setPosixFilePermissions(token, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertEquals("sk_live_secret", file.read("platform.api_key", java.util.Map.of()));
        assertFalse(file.toString().contains("sk_live"));
        Secret env = new Secret(java.util.Optional.empty(), java.util.Optional.of("TAGBASE_API_KEY"));
        assertEquals("k", env.read("platform.api_key", java.util.Map.of("TAGBASE_API_KEY", "k")));
        ConfigException unset = assertThrows(ConfigException.class, () -> env.read("platform.api_key", java.util.Map.of()));
        assertTrue(unset.getMessage().contains("TAGBASE_API_KEY is not set"), unset.getMessage());
    }
}
