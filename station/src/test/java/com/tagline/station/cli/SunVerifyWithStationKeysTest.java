package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.hardware.keys.KeyFile;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag223.SimulatedNtag223Link;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.station.config.StationConfig;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.StepListener;
import com.tagline.station.run.Recipes;
import com.tagline.station.simulate.PhoneScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sun-verify --keys FILE}: a chip personalized by the station's real recipes ({@link Recipes#of}, in the
 * simulators) verifies with the station's key file alone, its SUN keys diversified from the UID as the recipes
 * diversify them. The test never computes a chip key itself; it only checks that none is printed.
 */
class SunVerifyWithStationKeysTest {
    private static final String URL = "https://tags.example.com/t/tag_000042";
    private static final String UID_424 = "04A1B2C3D4E5F6";
    private static final String UID_223 = "04112233445566";
    private static final StationConfig.Trust TEST_CHIPS = new StationConfig.Trust(
            List.of(OriginalityKeyPair.ntag424Test().publicKeyHex()),
            List.of(OriginalityKeyPair.ntag223Test().publicKeyHex()));

    @TempDir
    Path dir;

    @Test
    void anNtag424DnaOfTheDefaultTemplateVerifiesWithTheKeyFileAndItsUid() throws Exception {
        Path keyFile = keyFile("station-keys.yaml", 61);
        String scanned = personalize424(KeyFile.load(keyFile), SunTemplate.DEFAULT_PARAMETERS);
        assertTrue(scanned.startsWith(URL + "?picc_data="), scanned);

        CliRunner ok = CliRunner.run("sun-verify", "--keys", keyFile.toString(), "--uid", UID_424, scanned);
        assertEquals(0, ok.exit(), ok.err());
        JsonNode v = new ObjectMapper().readTree(ok.out());
        assertTrue(v.get("valid").asBoolean(), v.toString());
        assertEquals(UID_424, v.get("uid").asText().toUpperCase());
        assertTrue(v.get("counter").asInt() >= 1, v.toString());

        CliRunner noUid = CliRunner.run("sun-verify", "--keys", keyFile.toString(), scanned);
        assertEquals(2, noUid.exit());
        assertTrue(noUid.err().contains("give the chip's UID with --uid"), noUid.err());

        CliRunner otherChip = CliRunner.run("sun-verify", "--keys", keyFile.toString(), "--uid", "04000000000001",
                scanned);
        assertEquals(1, otherChip.exit(), otherChip.err());
        assertTrue(otherChip.out().contains("is --uid this chip's UID"), otherChip.out());

        CliRunner otherKeys = CliRunner.run("sun-verify", "--keys", keyFile("other-keys.yaml", 99).toString(), "--uid",
                UID_424, scanned);
        assertEquals(1, otherKeys.exit(), "another station's keys do not verify it: " + otherKeys.out());
        assertNoKeyPrinted(keyFile, UID_424, ok, noUid, otherChip, otherKeys);
    }

    @Test
    void anNtag424DnaThatMirrorsItsUidInPlainNeedsNoUid() throws Exception {
        Path keyFile = keyFile("station-keys.yaml", 62);
        String scanned = personalize424(KeyFile.load(keyFile), "uid={uid}&ctr={ctr}&cmac={mac}");
        CliRunner ok = CliRunner.run("sun-verify", "--keys", keyFile.toString(), scanned);
        assertEquals(0, ok.exit(), ok.err() + ok.out());
        CliRunner tampered = CliRunner.run("sun-verify", "--keys", keyFile.toString(),
                scanned.replace("uid=" + UID_424, "uid=04A1B2C3D4E5F7"));
        assertEquals(1, tampered.exit(), "another UID in the URL gives other keys: " + tampered.out());
        assertNoKeyPrinted(keyFile, UID_424, ok, tampered);
    }

    @Test
    void anNtag223DnaVerifiesWithTheKeyFileAloneItsUidIsInTheMessage() throws Exception {
        Path keyFile = keyFile("station-keys.yaml", 63);
        MasterKeySet keys = KeyFile.load(keyFile);
        SimulatedNtag223 chip = SimulatedNtag223.builder().uid(HexFormat.of().parseHex(UID_223))
                .random(new SplittableRandom(3)).build();
        SimulatedNtag223Link link = new SimulatedNtag223Link(chip);
        assertConfigured(recipes(keys, SunTemplate.DEFAULT_PARAMETERS).byProtocol().get(ChipProtocol.NTAG_223_DNA)
                .personalize(link, URL, StepListener.NONE));
        link.putBack();
        String scanned = PhoneScan.readType2(link);

        CliRunner ok = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--keys", keyFile.toString(), scanned);
        assertEquals(0, ok.exit(), ok.err() + ok.out());
        JsonNode v = new ObjectMapper().readTree(ok.out());
        assertTrue(v.get("valid").asBoolean(), v.toString());
        assertEquals(UID_223, v.get("uid").asText().toUpperCase());

        CliRunner otherKeys = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--keys",
                keyFile("other-keys.yaml", 98).toString(), scanned);
        assertEquals(1, otherKeys.exit(), otherKeys.out());
        CliRunner withUid = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--keys", keyFile.toString(),
                "--uid", UID_223, scanned);
        assertEquals(2, withUid.exit(), "the message carries the UID: " + withUid.err());
        assertNoKeyPrinted(keyFile, UID_223, ok, otherKeys, withUid);
    }

    @Test
    void theKeyFileFollowsTheStationsRules() throws Exception {
        String url = URL + "?picc_data=00000000000000000000000000000000&cmac=0000000000000000";
        Path keyFile = keyFile("station-keys.yaml", 64);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        CliRunner exposed = CliRunner.run("sun-verify", "--keys", keyFile.toString(), "--uid", UID_424, url);
        assertEquals(2, exposed.exit());
        assertTrue(exposed.err().contains("key file is accessible by group or others"), exposed.err());
        CliRunner missing = CliRunner.run("sun-verify", "--keys", dir.resolve("none.yaml").toString(), "--uid", UID_424,
                url);
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("none.yaml: key file does not exist"), missing.err());
        CliRunner both = CliRunner.run("sun-verify", "--keys", keyFile.toString(), "--key",
                "00000000000000000000000000000000", url);
        assertEquals(2, both.exit(), "--keys or --key, not both: " + both.err());
    }

    /** The station's recipe personalizes a blank simulated NTAG 424 DNA; the URL a phone then reads. */
    private String personalize424(MasterKeySet keys, String sunParameters) {
        SimulatedNtag424 chip = SimulatedNtag424.builder().uid(HexFormat.of().parseHex(UID_424))
                .random(new SplittableRandom(5)).build();
        SimulatedNtag424Link link = new SimulatedNtag424Link(chip);
        assertConfigured(recipes(keys, sunParameters).byProtocol().get(ChipProtocol.NTAG_424_DNA)
                .personalize(link, URL, StepListener.NONE));
        link.putBack();
        return PhoneScan.read(link);
    }

    private static Recipes recipes(MasterKeySet keys, String sunParameters) {
        return Recipes.of(List.of(ChipProtocol.NTAG_424_DNA, ChipProtocol.NTAG_223_DNA), sunParameters, TEST_CHIPS, keys);
    }

    private static void assertConfigured(PersonalizationResult r) {
        assertEquals(Reason.CONFIGURED, r.reason(), r.detail());
    }

    /** A key file as keys.example.yaml lays it out, with random keys, owner-only. */
    private Path keyFile(String name, int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>(List.of("key_set_version: 4", "system_identifier: 5461676C696E65"));
        for (int i = 0; i < MasterKeySet.KEY_COUNT; i++) {
            byte[] key = new byte[16];
            random.nextBytes(key);
            lines.add("key" + i + ": " + HexFormat.of().withUpperCase().formatHex(key));
        }
        Path file = Files.write(dir.resolve(name), lines);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** Neither a master key of the file nor a key of the chip appears in any output. */
    private static void assertNoKeyPrinted(Path keyFile, String uid, CliRunner... runs) throws IOException {
        List<String> secrets = new ArrayList<>();
        for (String line : Files.readAllLines(keyFile)) {
            if (line.startsWith("key") && !line.startsWith("key_set")) {
                secrets.add(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        Recipes.SunKeys chip = Recipes.sunKeys(KeyFile.load(keyFile), HexFormat.of().parseHex(uid));
        for (byte[] k : List.of(chip.metaRead(), chip.fileRead(), chip.suncmac())) {
            secrets.add(HexFormat.of().withUpperCase().formatHex(k));
        }
        for (CliRunner r : runs) {
            String all = (r.out() + r.err()).toUpperCase();
            secrets.forEach(s -> assertFalse(all.contains(s), "a key was printed: " + r.out() + r.err()));
        }
    }
}
