package com.tagline.station.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.platform.EmulatorFaults;
import com.tagline.simulator.platform.ixkio.IxkioAccount;
import com.tagline.simulator.platform.ixkio.IxkioCounts;
import com.tagline.simulator.platform.ixkio.IxkioEmulator;
import com.tagline.simulator.platform.ixkio.TagCodeSeed;
import com.tagline.station.config.ConfigLoader;
import com.tagline.station.config.StationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor's platform check on {@code platform.kind: ixkio}, against the ixkio emulator on loopback:
 * its probe (a PATCH without fields of a tag code that does not exist, platform-api §2.1) tells a good
 * token ({@code 200 "Tag Code not found"}) from a bad one ({@code 401 "Invalid API Key"}) in the
 * {@code X-API-Key} header the station sends, and changes nothing on the platform.
 */
class IxkioPlatformCheckTest {
    private static final String TOKEN = "ixk_test_doctor_0123456789";
    private static final ClockCheck NTP_SYNCED = new ClockCheck(() -> Optional.of(true));

    @TempDir
    Path dir;

    private IxkioEmulator ixkio;

    @BeforeEach
    void start() throws IOException {
        token(TOKEN);
        ixkio = serve(List.of(new TagCodeSeed("X1", "C1", "", "https://group.example/1")));
    }

    private static IxkioEmulator serve(List<TagCodeSeed> seeds) {
        return IxkioEmulator.start(new IxkioAccount("A1", seeds, Clock.systemUTC()), TOKEN, new EmulatorFaults(1), 0);
    }

    @AfterEach
    void stop() {
        ixkio.close();
    }

    @Test
    void aGoodTokenIsAcceptedAndNothingChanges() throws IOException {
        List<Finding> findings = check(ixkio.baseUrl());
        Finding platform = findings.get(0);
        assertEquals(Verdict.PASS, platform.verdict(), platform.line());
        assertEquals("ixkio at " + ixkio.baseUrl() + " reachable, plain http on loopback, token accepted: a PATCH without"
                + " fields of the made-up tag code tagline-doctor-probe answered 200 \"Tag Code not found\", which the"
                + " platform says only to a token it accepted (a refused one gets 401)", platform.detail());
        assertEquals(Verdict.PASS, findings.get(1).verdict(), "the emulator's Date came: " + findings.get(1).line());
        assertTrue(findings.stream().noneMatch(f -> f.line().contains(TOKEN)), "no line shows the token");
        assertUnchanged();
    }

    @Test
    void evenATagCodeOfTheProbesXuidIsLeftAsItWas() throws IOException {
        ixkio.close();
        ixkio = serve(List.of(new TagCodeSeed(PlatformProbe.IXKIO_XUID, "", "", "https://group.example/2")));
        Finding platform = check(ixkio.baseUrl()).get(0);
        assertEquals(Verdict.PASS, platform.verdict(), platform.line());
        assertTrue(platform.detail().contains("answered 200 \"No parameters to update\", which the platform says only"
                + " to a token it accepted"), platform.line());
        assertUnchanged();
        assertEquals("Inactive", ixkio.account().tagCode(PlatformProbe.IXKIO_XUID).orElseThrow().status());
    }

    @Test
    void aWrongTokenIsNamedAsRejected() throws IOException {
        token("ixk_not_this_one");
        Finding platform = check(ixkio.baseUrl()).get(0);
        assertEquals(Verdict.FAIL, platform.verdict(), platform.line());
        assertTrue(platform.detail().startsWith("ixkio at " + ixkio.baseUrl() + " rejected the token (401 \"Invalid API"
                + " Key\"); check file:"), platform.line());
        assertEquals(1, ixkio.account().counts().unauthorized());
        assertUnchanged();
    }

    @Test
    void withoutATokenTheEmulatorIsStillReached() throws IOException {
        Files.delete(dir.resolve("ixkio.token"));
        List<Finding> findings = check(ixkio.baseUrl());
        assertEquals("ixkio at " + ixkio.baseUrl() + " answered (401), but there is no API token to try: see the token"
                + " line", findings.get(0).detail());
        assertEquals(Verdict.PASS, findings.get(1).verdict(), findings.get(1).line());
    }

    @Test
    void aPlatformThatIsDownIsNamed() throws IOException {
        String url = ixkio.baseUrl();
        ixkio.close();
        Finding platform = check(url).get(0);
        assertEquals(Verdict.FAIL, platform.verdict());
        assertTrue(platform.detail().endsWith("refused the connection: is the platform up, host and port right?"),
                platform.line());
    }

    /** The platform and clock findings of the configured ixkio station. */
    private List<Finding> check(String baseUrl) throws IOException {
        Path yaml = Files.writeString(dir.resolve("station.yaml"), String.join("\n",
                "station: doctor-ixkio",
                "data_dir: data",
                "keys: {env_prefix: TAGLINE_}",
                "platform: {kind: ixkio, base_url: \"" + baseUrl + "\", api_key_file: ixkio.token}",
                "line: {mode: hand-fed}", ""));
        StationConfig config = ConfigLoader.load(yaml);
        List<Finding> out = new ArrayList<>();
        new PlatformChecks(config.platform(), Map.of(), NTP_SYNCED).run(out::add);
        assertEquals(List.of("platform", "clock"), out.stream().map(Finding::check).toList());
        return out;
    }

    private void assertUnchanged() {
        IxkioCounts counts = ixkio.account().counts();
        assertEquals(0, counts.updatesApplied());
        assertEquals(0, counts.active());
        assertEquals(0, counts.assigned());
    }

    private void token(String value) throws IOException {
        Path f = Files.writeString(dir.resolve("ixkio.token"), value + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    }
}
