package com.tagline.hardware.ntag424;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.tag.ScriptedTagLink;
import com.tagline.hardware.tag.Target;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The host's exact command bytes against AN12196 worked examples (ntag424.md §4), replayed through a
 * strict transcript. Each test names its vector.
 */
class Ntag424TranscriptTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] ZERO_KEY = new byte[16];
    private static final Target TARGET = new Target(h("04968CAA5C5E80"), 0x0344, 0x20, h("067777710280"));

    static byte[] h(String hex) {
        return HEX.parseHex(hex.replaceAll("\\s+", ""));
    }

    /** AN12196 rev 2.0 §5.6 Table 14 (rev 1.8 §6.6), as transcribed in icedevml/nfc-ev2-crypto test_ev2.py. */
    private static ScriptedTagLink vectorA(ScriptedTagLink link) {
        return link.expect("9071000002000000", "A04C124213C186F22399D33AC2A30215 91AF")
                .expect("90AF000020 35C3E05A752E0144BAC0DE51C1F22C56B34408A23D8AEA266CAB947EA8E0118D 00",
                        "3FA64DB5446D1F34CD6EA311167F5E4985B89690C04A05F17FA7AB2F08120663 9100");
    }

    @Test
    void authenticateEv2FirstThenWriteDataFullThenChangeFileSettings() {
        // Vector A, then D (AN12196 §5.8.2 T17, WriteData NDEF Full, ctr 0), then E (§5.9 T18, ctr 1).
        ScriptedTagLink link = vectorA(new ScriptedTagLink(TARGET));
        link.expect("908D00009F 02000000800000"
                + "421C73A27D827658AF481FDFF20A5025B559D0E3AA21E58D347F343CFFC768BFE596C706BC00F2176781D4B0242642A0"
                + "FF5A42C461AAF894D9A1284B8C76BCFA658ACD40555D362E08DB15CF421B51283F9064BCBE20E96CAE545B407C9D651A"
                + "3315B27373772E5DA2367D2064AE054AF996C6F1F669170FA88CE8C4E3A4A7BBBEF0FD971FF532C3A802AF745660F2B4"
                + "D1D9A8499661EBF3 00", "FC222E5F7A542452 9100");
        link.expect("905F000019 02 61B6D97903566E84C3AE5274467E89EA D799B7C1A0EF7A04 00", "57BFF87B1241E93D 9100");
        Ntag424 chip = new Ntag424(link, () -> h("13C5DB8A5930439FC3DEF9A4C675360F"));

        chip.authenticateEv2First(0, ZERO_KEY);
        byte[] ndef = h("0051D1014D550463686F6F73652E75726C2E636F6D2F6E7461673432343F653D" + "30".repeat(32) + "26633D"
                + "30".repeat(16) + "00".repeat(45));
        chip.writeData(2, 0, ndef, CommMode.FULL);
        chip.changeFileSettings(2, FileSettings.decodeChange(h("4000E0C1F121200000430000430000"), 256));

        link.assertDone();
        assertTrue(chip.isAuthenticated());
    }

    @Test
    void writeDataFullWithKeyThreeSession() {
        // Vector F: icedevml/nfc-ev2-crypto test_full2 ("Section 6.12 Page 36"), keys from vector B (§5.10 T19).
        ScriptedTagLink link = new ScriptedTagLink(TARGET)
                .expect("908D00001F 030000000A0000 6B5E6804909962FC4E3FF5522CF0F843 6C0C53315B9C73AA 00",
                        "C26D236E4A7C046D 9100");
        Ntag424 chip = new Ntag424(link);
        chip.useSession(new Ev2SessionKeys(h("7A93D6571E4B180FCA6AC90C9A7488D4"), h("FC4AF159B62E549B5812394CAB1918CC")),
                h("7614281A"), 3, 0);
        chip.writeData(3, 0, h("0102030405060708090A"), CommMode.FULL);
        link.assertDone();
    }

    @Test
    void nonFirstThenChangeKeyOtherKeyThenKeyZero() {
        // Vector C (AN12196 §5.14 T23) keeps TI 7614281A and CmdCtr; then H case 1 (§5.16.1 T25, ctr 2)
        // and H case 2 (§5.16.2 T26, ctr 3), transcribed in atknatk/tappa changekey_test.go.
        byte[] rndA = h("60BE759EDA560250AC57CDDC11743CF6");
        byte[] r2 = Aes.cbcEncryptZeroIv(ZERO_KEY, Ev2SessionKeys.rotateLeft(rndA)); // E(Kx, RndA'), not printed in AN12196
        ScriptedTagLink link = new ScriptedTagLink(TARGET)
                .expect("9077000001 00 00", "A6A2B3C572D06C097BB8DB70463E22DC 91AF")
                .expect("90AF000020 BE7D45753F2CAB85F34BC60CE58B940763FE969658A532DF6D95EA2773F6E991 00",
                        HEX.formatHex(r2) + "9100")
                .expect("90C4000029 02 2CF362B7BF4311FF3BE1DAA295E8C68DE09050560D19B9E16C2393AE9CD1FAC7 5D0CE20BCD1D06E6 00",
                        "203BB55D1089D587 9100")
                .expect("90C4000029 00 C0EB4DEEFEDDF0B513A03A95A75491818580503190D4D05053FF75668A01D6FD A6610234BDED6432 00",
                        "9100");
        Ntag424 chip = new Ntag424(link, () -> rndA);
        chip.useSession(new Ev2SessionKeys(new byte[16], new byte[16]), h("7614281A"), 3, 2);

        chip.authenticateEv2NonFirst(0, ZERO_KEY);
        chip.changeKey(2, ZERO_KEY, h("F3847D627727ED3BC9C4CC050489B966"), 1);
        assertTrue(chip.isAuthenticated(), "ChangeKey of another key keeps the session (ntag424.md §3.7)");
        chip.changeKey(0, null, h("5004BF991F408672B1EF00F08F9E8647"), 1);
        assertFalse(chip.isAuthenticated(), "ChangeKey of the authenticated key ends the session");
        link.assertDone();
    }

    @Test
    void getFileSettingsInMacMode() {
        // Vector G: icedevml/nfc-ev2-crypto test_mac1 ("Section 5.3 Page 21"); only the MAC key is published.
        ScriptedTagLink link = new ScriptedTagLink(TARGET).expect("90F5000009 02 6597A457C8CD442C 00",
                "0040EEEE000100D1FE001F00004400004400002000006A0000 2A474282E7A47986 9100");
        Ntag424 chip = new Ntag424(link);
        chip.useSession(new Ev2SessionKeys(new byte[16], h("8248134A386E86EB7FAF54A52E536CB6")), h("7A21085E"), 0, 0);
        FileSettings s = chip.getFileSettings(2);
        assertEquals(0x6A, s.sdm().orElseThrow().macOffset());
        assertEquals(0x20, s.sdm().orElseThrow().encLength());
        link.assertDone();
    }

    @Test
    void getCardUidFullResponse() {
        // Vector I: AN12196 rev 2.0 §6.3 T28 (rev 1.8 §7.3 T29).
        ScriptedTagLink link = new ScriptedTagLink(TARGET).expect("9051000008 8E2C155ADDA99BE3 00",
                "70756055688505B52A5E26E59E329CD6 595F672298EA41B7 9100");
        Ntag424 chip = new Ntag424(link);
        chip.useSession(new Ev2SessionKeys(h("2B4D963C014DC36F24F69A50A394F875"), h("379D32130CE61705DD5FD8C36B95D764")),
                h("DF055522"), 0, 0);
        assertArrayEquals(h("04958CAA5C5E80"), chip.getCardUid());
        link.assertDone();
    }

    @Test
    void badResponseMacKillsTheSession() {
        ScriptedTagLink link = new ScriptedTagLink(TARGET).expect("90F5000009 02 6597A457C8CD442C 00",
                "0040EEEE000100D1FE001F00004400004400002000006A0000 2A474282E7A47987 9100");
        Ntag424 chip = new Ntag424(link);
        chip.useSession(new Ev2SessionKeys(new byte[16], h("8248134A386E86EB7FAF54A52E536CB6")), h("7A21085E"), 0, 0);
        assertThrows(SecureMessagingException.class, () -> chip.getFileSettings(2));
        assertFalse(chip.isAuthenticated());
    }

    @Test
    void chipErrorKillsTheSessionAndKeepsTheStatusWord() {
        ScriptedTagLink link = new ScriptedTagLink(TARGET).expect("90F5000009 02 6597A457C8CD442C 00", "91AE");
        Ntag424 chip = new Ntag424(link);
        chip.useSession(new Ev2SessionKeys(new byte[16], h("8248134A386E86EB7FAF54A52E536CB6")), h("7A21085E"), 0, 0);
        ChipStatusException e = assertThrows(ChipStatusException.class, () -> chip.getFileSettings(2));
        assertEquals(0x91, e.sw1());
        assertEquals(0xAE, e.sw2());
        assertEquals(StatusWord.AUTHENTICATION_ERROR, e.statusWord());
        assertFalse(chip.isAuthenticated());
    }

    @Test
    void isoCommandsHaveTheDatasheetEncoding() {
        // AN12196 rev 2.0 §5.3 Table 9 (select by DF name); EF select and ISOUpdateBinary per ntag424.md §2.
        ScriptedTagLink link = new ScriptedTagLink(TARGET)
                .expect("00A4040C07D276000085010100", "9000")
                .expect("00A4000C02E104", "9000")
                .expect("00D6000003 010203", "9000")
                .expect("00B0000210", "00112233445566778899AABBCCDDEEFF 9000");
        Ntag424 chip = new Ntag424(link);
        chip.isoSelectApplication();
        chip.isoSelectFile(Ntag424.FID_NDEF);
        chip.isoUpdateBinary(0, h("010203"));
        assertArrayEquals(h("00112233445566778899AABBCCDDEEFF"), chip.isoReadBinary(2, 16));
        link.assertDone();
    }

    @Test
    void isoFileIoIsRefusedWhileAuthenticated() {
        Ntag424 chip = new Ntag424(new ScriptedTagLink(TARGET));
        chip.useSession(new Ev2SessionKeys(new byte[16], new byte[16]), h("00000000"), 0, 0);
        assertThrows(IllegalStateException.class, () -> chip.isoUpdateBinary(0, h("00")));
    }

    @Test
    void getVersionReadsThreeFrames() {
        // Frames 1-2 from a real chip (drusifer SUCCESSFUL_PROVISION_FLOW.md); frame 3 AN12196 §5.5 Table 12.
        ScriptedTagLink link = new ScriptedTagLink(TARGET)
                .expect("9060000000", "0404023000110591AF")
                .expect("90AF000000", "0404020102110591AF")
                .expect("90AF000000", "04968CAA5C5E80CD65935D4021189100");
        ChipVersion v = new Ntag424(link).getVersion();
        assertTrue(v.looksLikeNtag424());
        assertArrayEquals(h("04968CAA5C5E80"), v.uid());
        link.assertDone();
    }
}
