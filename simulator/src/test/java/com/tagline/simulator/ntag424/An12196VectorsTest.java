package com.tagline.simulator.ntag424;

import static com.tagline.simulator.ntag424.TestHost.ZERO_KEY;
import static com.tagline.simulator.ntag424.TestHost.data;
import static com.tagline.simulator.ntag424.TestHost.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.crypto.AesCmac;
import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.Ev2SessionKeys;
import com.tagline.hardware.ntag424.FileSettings;
import com.tagline.hardware.ntag424.sdm.PiccData;
import com.tagline.hardware.ntag424.sdm.SdmCrypto;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Replays the NXP AN12196 worked examples against the simulated chip, with the chip's random draws
 * scripted. Vectors as transcribed in ntag424.md §4 from the public repositories icedevml/nfc-ev2-crypto
 * (test_ev2.py), atknatk/tappa (internal/sun/ev2_kat_test.go, changekey_test.go, commands_kat_test.go) and
 * drusifer/ntag424_sdm_provisioner (AN12196_CHANGEKEY_EXAMPLE.md).
 */
class An12196VectorsTest {
    // AN12196 rev 2.0 §5.6 Table 14 (rev 1.8 §6.6): AuthenticateEV2First key 00 — ntag424.md §4 vector A.
    private static final String A_RND_B = "B9E2FC789B64BF237CCCAA20EC7E6E48";
    private static final String A_TI = "9D00C4DF";
    private static final String A_PART1 = "9071000002000000";
    private static final String A_PART1_ANSWER = "A04C124213C186F22399D33AC2A30215" + "91AF";
    private static final String A_PART2 = "90AF000020"
            + "35C3E05A752E0144BAC0DE51C1F22C56B34408A23D8AEA266CAB947EA8E0118D" + "00";
    private static final String A_PART2_ANSWER = "3FA64DB5446D1F34CD6EA311167F5E4985B89690C04A05F17FA7AB2F08120663"
            + "9100";

    // AN12196 rev 2.0 §5.8.2 Table 17: WriteData NDEF, CommMode.Full, ctr 0 — ntag424.md §4 vector D.
    private static final String D_PLAIN = "0051D1014D550463686F6F73652E75726C2E636F6D2F6E7461673432343F653D"
            + "30".repeat(32) + "26633D" + "30".repeat(16) + "00".repeat(45);
    private static final String D_COMMAND = "908D00009F" + "02000000800000"
            + "421C73A27D827658AF481FDFF20A5025B559D0E3AA21E58D347F343CFFC768BFE596C706BC00F2176781D4B0242642A0"
            + "FF5A42C461AAF894D9A1284B8C76BCFA658ACD40555D362E08DB15CF421B51283F9064BCBE20E96CAE545B407C9D651A"
            + "3315B27373772E5DA2367D2064AE054AF996C6F1F669170FA88CE8C4E3A4A7BBBEF0FD971FF532C3A802AF745660F2B4"
            + "D1D9A8499661EBF3" + "00";
    private static final String D_ANSWER = "FC222E5F7A542452" + "9100";

    // AN12196 rev 2.0 §5.9 Table 18: ChangeFileSettings NDEF with SDM, ctr 1 — ntag424.md §4 vector E.
    private static final String E_COMMAND = "905F000019" + "02" + "61B6D97903566E84C3AE5274467E89EA"
            + "D799B7C1A0EF7A04" + "00";
    private static final String E_ANSWER = "57BFF87B1241E93D" + "9100";
    private static final String E_SETTINGS = "4000E0C1F121200000430000430000";

    // AN12196 rev 2.0 §5.10 Table 19: AuthenticateEV2First key 03 — ntag424.md §4 vector B.
    private static final String B_RND_A = "B98F4C50CF1C2E084FD150E33992B048";
    private static final String B_RND_B = "91517975190DCEA6104948EFA3085C1B";
    private static final String B_TI = "7614281A";
    private static final String B_PART1_ANSWER = "B875CEB0E66A6C5CD00898DC371F92D1" + "91AF";
    private static final String B_PART2 = "90AF000020"
            + "FF0306E47DFBC50087C4D8A78E88E62DE1E8BE457AA477C707E2F0874916A8B1" + "00";
    private static final String B_PART2_ANSWER = "0CC9A8094A8EEA683ECAAC5C7BF20584206D0608D477110FC6B3D5D3F65C3A6A"
            + "9100";

    // icedevml test_full2 ("Section 6.12 Page 36"): WriteData file 03 Full, keys from B, ctr 0 — vector F.
    private static final String F_COMMAND = "908D00001F" + "030000000A0000" + "6B5E6804909962FC4E3FF5522CF0F843"
            + "6C0C53315B9C73AA" + "00";
    private static final String F_ANSWER = "C26D236E4A7C046D" + "9100";

    // AN12196 rev 2.0 §5.14 Table 23: AuthenticateEV2NonFirst key 00 — ntag424.md §4 vector C.
    private static final String C_RND_A = "60BE759EDA560250AC57CDDC11743CF6";
    private static final String C_RND_B = "6924E8D09722659A2E7DEC68E66312B8";
    private static final String C_PART1_ANSWER = "A6A2B3C572D06C097BB8DB70463E22DC" + "91AF";
    private static final String C_PART2 = "90AF000020"
            + "BE7D45753F2CAB85F34BC60CE58B940763FE969658A532DF6D95EA2773F6E991" + "00";

    // AN12196 rev 2.0 §5.16.1 Table 25 / §5.16.2 Table 26: ChangeKey keys 02 and 00 — ntag424.md §4 vector H.
    private static final String H1_COMMAND = "90C4000029" + "02"
            + "2CF362B7BF4311FF3BE1DAA295E8C68DE09050560D19B9E16C2393AE9CD1FAC7" + "5D0CE20BCD1D06E6" + "00";
    private static final String H1_ANSWER = "203BB55D1089D587" + "9100";
    private static final String H1_NEW_KEY = "F3847D627727ED3BC9C4CC050489B966";
    private static final String H2_COMMAND = "90C4000029" + "00"
            + "C0EB4DEEFEDDF0B513A03A95A75491818580503190D4D05053FF75668A01D6FD" + "A6610234BDED6432" + "00";
    private static final String H2_NEW_KEY = "5004BF991F408672B1EF00F08F9E8647";

    private static final byte[] UID = hex("04958CAA5C5E80");

    /** The AN12196 example tag: NDEF file in CommMode.Full with Write/RW/Change key 0 (AN12196 §5.4 notes). */
    private static SimulatedNtag424 an12196Tag(ScriptedRandom random) {
        FileSettings ndefFull = new FileSettings(CommMode.FULL, new AccessRights(0xE, 0x0, 0x0, 0x0), 256,
                Optional.empty());
        return SimulatedNtag424.builder().uid(UID).random(random).fileSettings(2, ndefFull).build();
    }

    @Test
    void authenticateFirstWriteDataAndChangeFileSettingsReplayVectorsADE() {
        ScriptedRandom random = new ScriptedRandom(A_RND_B, A_TI);
        SimulatedNtag424 chip = an12196Tag(random);
        TestHost host = new TestHost(chip);
        host.selectApplication();

        assertEquals(A_PART1_ANSWER, hex(host.send(A_PART1)));
        assertEquals(A_PART2_ANSWER, hex(host.send(A_PART2)));
        assertTrue(chip.isAuthenticated());
        assertEquals(0, chip.commandCounter().getAsInt());

        assertEquals(D_ANSWER, hex(host.send(D_COMMAND)));
        assertEquals(D_PLAIN, hex(Arrays.copyOf(chip.fileData(2), 128)));

        assertEquals(E_ANSWER, hex(host.send(E_COMMAND)));
        assertEquals("00" + E_SETTINGS.substring(0, 6) + "000100" + E_SETTINGS.substring(6),
                hex(chip.fileSettings(2).encodeForGet()));
        assertEquals(2, chip.commandCounter().getAsInt());
        assertEquals(0, random.remaining());
    }

    @Test
    void sdmReadAfterVectorEMirrorsEncryptedPiccDataAndMac() {
        ScriptedRandom random = new ScriptedRandom(A_RND_B, A_TI);
        SimulatedNtag424 chip = an12196Tag(random);
        TestHost host = new TestHost(chip);
        host.selectApplication();
        host.send(A_PART1);
        host.send(A_PART2);
        host.send(D_COMMAND);
        host.send(E_COMMAND);
        chip.powerCycle();
        host.selectApplication();
        random.then("0102030405"); // PICCData random padding: 16 - 1 - 7 - 3 bytes

        byte[] r = host.send("90AD0000070200000000000000"); // ReadData file 02, whole file, plain
        host.expect(0x9100, r);
        byte[] file = data(r);
        assertEquals(256, file.length);
        assertEquals(1, chip.sdmReadCounter());
        // SDMMetaRead = key 2, SDMFileRead = key 1, both the zero key here (vector E SDMAccessRights F121).
        String picc = new String(file, 0x20, 32, StandardCharsets.US_ASCII);
        PiccData decrypted = SdmCrypto.decryptPiccData(ZERO_KEY, hex(picc));
        assertArrayEquals(UID, decrypted.uid());
        assertEquals(1, decrypted.readCounter());
        assertArrayEquals(hex("C7" + hex(UID) + "010000" + "0102030405"), Aes.cbcDecryptZeroIv(ZERO_KEY, hex(picc)));
        // SDMMACInputOffset == SDMMACOffset: the MAC of the empty message (ntag424.md §5 example 1 note).
        byte[] macKey = SdmCrypto.sessionMacKey(ZERO_KEY, UID, 1);
        assertEquals(hex(AesCmac.macT(macKey, new byte[0])), new String(file, 0x43, 16, StandardCharsets.US_ASCII));
        assertEquals("&c=", new String(file, 0x40, 3, StandardCharsets.US_ASCII));
        assertArrayEquals(Arrays.copyOfRange(chip.fileData(2), 0x53, 256), Arrays.copyOfRange(file, 0x53, 256));
    }

    @Test
    void keyThreeSessionNonFirstAndChangeKeyReplayVectorsBFCH() {
        ScriptedRandom random = new ScriptedRandom(B_RND_B, B_TI);
        SimulatedNtag424 chip = SimulatedNtag424.builder().uid(UID).random(random).build();
        TestHost host = new TestHost(chip);
        host.selectApplication();

        assertEquals(B_PART1_ANSWER, hex(host.send("9071000002030000")));
        assertEquals(B_PART2_ANSWER, hex(host.send(B_PART2)));
        assertEquals(3, chip.authenticatedKey().getAsInt());

        assertEquals(F_ANSWER, hex(host.send(F_COMMAND)));
        assertEquals("0102030405060708090A", hex(Arrays.copyOf(chip.fileData(3), 10)));

        // ctr 1: one more MAC-mode command with the vector-B session keys (published in ntag424.md §4 B).
        Ev2SessionKeys b = Ev2SessionKeys.derive(ZERO_KEY, hex(B_RND_A), hex(B_RND_B));
        assertEquals("7A93D6571E4B180FCA6AC90C9A7488D4", hex(b.encKey()));
        assertEquals("FC4AF159B62E549B5812394CAB1918CC", hex(b.macKey()));
        byte[] mac = b.commandMac(0x64, 1, hex(B_TI), new byte[] {0x00}, new byte[0]);
        byte[] r = host.send(TestHost.nativeApdu(0x64, TestHost.concat(new byte[] {0x00}, mac)));
        assertEquals("00" + hex(b.responseMac(0x00, 2, hex(B_TI), new byte[] {0x00})) + "9100", hex(r));

        random.then(C_RND_B);
        assertEquals(C_PART1_ANSWER, hex(host.send("90770000010000")));
        byte[] rndAPrime = Ev2SessionKeys.rotateLeft(hex(C_RND_A));
        assertEquals(hex(Aes.cbcEncryptZeroIv(ZERO_KEY, rndAPrime)) + "9100", hex(host.send(C_PART2)));
        assertEquals(0, chip.authenticatedKey().getAsInt());
        assertEquals(2, chip.commandCounter().getAsInt(), "NonFirst keeps CmdCtr");

        assertEquals(H1_ANSWER, hex(host.send(H1_COMMAND)));
        assertEquals(1, chip.keyVersion(2));
        assertTrue(chip.isAuthenticated(), "ChangeKey of another key keeps the authentication");

        assertEquals("9100", hex(host.send(H2_COMMAND)));
        assertFalse(chip.isAuthenticated(), "ChangeKey of the authenticated key ends it");
        assertEquals(1, chip.keyVersion(0));

        random.then("00112233445566778899AABBCCDDEEFF").then("01020304");
        host.authenticateFirst(2, hex(H1_NEW_KEY), hex("000102030405060708090A0B0C0D0E0F"));
        random.then("FFEEDDCCBBAA99887766554433221100").then("05060708");
        host.authenticateFirst(0, hex(H2_NEW_KEY), hex("0F0E0D0C0B0A09080706050403020100"));
        assertEquals(0, chip.totFailCtr());
    }
}
