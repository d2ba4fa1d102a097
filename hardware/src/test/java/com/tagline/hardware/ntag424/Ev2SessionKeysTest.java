package com.tagline.hardware.ntag424;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.crypto.AesCmac;
import com.tagline.hardware.crypto.Iso9797Padding;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** EV2 (AES) secure messaging against the AN12196 worked vectors A–I of ntag424.md §4. */
class Ev2SessionKeysTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ZERO_KEY = new byte[16];

    // Vector A (AN12196 rev 2.0 §5.6 T14 / rev 1.8 §6.6, transcribed in icedevml/nfc-ev2-crypto test_ev2.py).
    private static final byte[] A_RND_A = hex("13C5DB8A5930439FC3DEF9A4C675360F");
    private static final byte[] A_RND_B = hex("B9E2FC789B64BF237CCCAA20EC7E6E48");
    private static final byte[] A_TI = hex("9D00C4DF");
    private static final Ev2SessionKeys A_KEYS = new Ev2SessionKeys(
            hex("1309C877509E5A215007FF0ED19CA564"), hex("4C6626F5E72EA694202139295C7A7FC7"));

    // Vector B (AN12196 rev 2.0 §5.10 T19) and C (§5.14 T23): TI 7614281A.
    private static final byte[] BC_TI = hex("7614281A");
    private static final Ev2SessionKeys B_KEYS = new Ev2SessionKeys(
            hex("7A93D6571E4B180FCA6AC90C9A7488D4"), hex("FC4AF159B62E549B5812394CAB1918CC"));
    private static final Ev2SessionKeys C_KEYS = new Ev2SessionKeys(
            hex("4CF3CB41A22583A61E89B158D252FC53"), hex("5529860B2FC5FB6154B7F28361D30BF9"));

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static void assertHex(String expected, byte[] actual) {
        assertEquals(expected.toUpperCase(), HEX.withUpperCase().formatHex(actual));
    }

    // ---------------------------------------------------------------------------------------------
    // Authentication and session keys

    @Test
    void vectorAAuthenticationExchange() {
        // AN12196 rev 2.0 §5.6 T14 (vector A), transcribed in icedevml/nfc-ev2-crypto test_ev2.py.
        byte[] rndB = Aes.cbcDecryptZeroIv(ZERO_KEY, hex("A04C124213C186F22399D33AC2A30215"));
        assertArrayEquals(A_RND_B, rndB);
        byte[] rndBPrime = Ev2SessionKeys.rotateLeft(rndB);
        assertHex("E2FC789B64BF237CCCAA20EC7E6E48B9", rndBPrime);
        byte[] c2 = Aes.cbcEncryptZeroIv(ZERO_KEY, Ev2SessionKeys.concat(A_RND_A, rndBPrime));
        assertHex("35C3E05A752E0144BAC0DE51C1F22C56B34408A23D8AEA266CAB947EA8E0118D", c2);
        byte[] dec = Aes.cbcDecryptZeroIv(ZERO_KEY,
                hex("3FA64DB5446D1F34CD6EA311167F5E4985B89690C04A05F17FA7AB2F08120663"));
        assertHex("9D00C4DF" + "C5DB8A5930439FC3DEF9A4C675360F13" + "000000000000" + "000000000000", dec);
        assertArrayEquals(A_TI, Arrays.copyOfRange(dec, 0, 4));
        byte[] rndAPrime = Arrays.copyOfRange(dec, 4, 20);
        assertArrayEquals(A_RND_A, Ev2SessionKeys.rotateRight(rndAPrime));
        assertArrayEquals(rndAPrime, Ev2SessionKeys.rotateLeft(A_RND_A));
    }

    @Test
    void vectorASessionKeys() {
        // AN12196 rev 2.0 §5.6 T14 (vector A), transcribed in icedevml/nfc-ev2-crypto test_ev2.py.
        Ev2SessionKeys keys = Ev2SessionKeys.derive(ZERO_KEY, A_RND_A, A_RND_B);
        assertHex("1309C877509E5A215007FF0ED19CA564", keys.encKey());
        assertHex("4C6626F5E72EA694202139295C7A7FC7", keys.macKey());
        // Same vector: SV1 = A55A0001008013C56268A548D8FBBF237CCCAA20EC7E6E48C3DEF9A4C675360F, SV2 = 5AA5 + same tail.
        String tail = "0001008013C56268A548D8FBBF237CCCAA20EC7E6E48C3DEF9A4C675360F";
        assertHex("1309C877509E5A215007FF0ED19CA564", AesCmac.cmac(ZERO_KEY, hex("A55A" + tail)));
        assertHex("4C6626F5E72EA694202139295C7A7FC7", AesCmac.cmac(ZERO_KEY, hex("5AA5" + tail)));
    }

    @Test
    void vectorACommandIvs() {
        // AN12196 rev 2.0 §5.6 T14 (vector A): IVc(ctr 0) and IVc(ctr 1).
        assertHex("D2CB7277A17841A06654A48188C1F8F5", A_KEYS.commandIv(A_TI, 0));
        assertHex("3E27082AB2ACC1EF55C57547934E9962", A_KEYS.commandIv(A_TI, 1));
        // IVc input is A5 5A ‖ TI ‖ CmdCtr(LE) ‖ 00×8 (ntag424.md §3.5).
        assertArrayEquals(Aes.encryptBlock(A_KEYS.encKey(), hex("A55A9D00C4DF01000000000000000000")),
                A_KEYS.commandIv(A_TI, 1));
    }

    @Test
    void vectorBAuthenticationAndSessionKeys() {
        // AN12196 rev 2.0 §5.10 T19 (vector B): AuthEV2First key 03, Kx = 0.
        byte[] rndA = hex("B98F4C50CF1C2E084FD150E33992B048");
        byte[] rndB = Aes.cbcDecryptZeroIv(ZERO_KEY, hex("B875CEB0E66A6C5CD00898DC371F92D1"));
        assertHex("91517975190DCEA6104948EFA3085C1B", rndB);
        assertHex("FF0306E47DFBC50087C4D8A78E88E62DE1E8BE457AA477C707E2F0874916A8B1",
                Aes.cbcEncryptZeroIv(ZERO_KEY, Ev2SessionKeys.concat(rndA, Ev2SessionKeys.rotateLeft(rndB))));
        byte[] dec = Aes.cbcDecryptZeroIv(ZERO_KEY,
                hex("0CC9A8094A8EEA683ECAAC5C7BF20584206D0608D477110FC6B3D5D3F65C3A6A"));
        assertArrayEquals(BC_TI, Arrays.copyOfRange(dec, 0, 4));
        assertArrayEquals(rndA, Ev2SessionKeys.rotateRight(Arrays.copyOfRange(dec, 4, 20)));
        Ev2SessionKeys keys = Ev2SessionKeys.derive(ZERO_KEY, rndA, rndB);
        assertHex("7A93D6571E4B180FCA6AC90C9A7488D4", keys.encKey());
        assertHex("FC4AF159B62E549B5812394CAB1918CC", keys.macKey());
    }

    @Test
    void vectorCNonFirstAuthenticationAndSessionKeys() {
        // AN12196 rev 2.0 §5.14 T23 (vector C): AuthEV2NonFirst key 00, Kx = 0.
        byte[] rndA = hex("60BE759EDA560250AC57CDDC11743CF6");
        byte[] rndB = Aes.cbcDecryptZeroIv(ZERO_KEY, hex("A6A2B3C572D06C097BB8DB70463E22DC"));
        assertHex("6924E8D09722659A2E7DEC68E66312B8", rndB);
        assertHex("BE7D45753F2CAB85F34BC60CE58B940763FE969658A532DF6D95EA2773F6E991",
                Aes.cbcEncryptZeroIv(ZERO_KEY, Ev2SessionKeys.concat(rndA, Ev2SessionKeys.rotateLeft(rndB))));
        Ev2SessionKeys keys = Ev2SessionKeys.derive(ZERO_KEY, rndA, rndB);
        assertHex("4CF3CB41A22583A61E89B158D252FC53", keys.encKey());
        assertHex("5529860B2FC5FB6154B7F28361D30BF9", keys.macKey());
    }

    @Test
    void rotations() {
        byte[] in = hex("000102030405060708090A0B0C0D0E0F");
        assertHex("0102030405060708090A0B0C0D0E0F00", Ev2SessionKeys.rotateLeft(in));
        assertHex("0F000102030405060708090A0B0C0D0E", Ev2SessionKeys.rotateRight(in));
        assertArrayEquals(in, Ev2SessionKeys.rotateRight(Ev2SessionKeys.rotateLeft(in)));
        assertHex("000102030405060708090A0B0C0D0E0F", in); // input untouched
        // AN12196 rev 2.0 §5.6 T14 (vector A): RndB → RndB'.
        assertHex("E2FC789B64BF237CCCAA20EC7E6E48B9", Ev2SessionKeys.rotateLeft(A_RND_B));
    }

    // ---------------------------------------------------------------------------------------------
    // Secure messaging

    @Test
    void vectorDWriteDataFull() {
        // AN12196 rev 2.0 §5.8.2 T17 (vector D), transcribed in icedevml/nfc-ev2-crypto test_ev2.py:
        // WriteData NDEF, CommMode.Full, keys from A, ctr 0.
        byte[] header = hex("02000000800000");
        byte[] plain = hex("0051D1014D550463686F6F73652E75726C2E636F6D2F6E7461673432343F653D"
                + "30".repeat(32) + "26633D" + "30".repeat(16) + "00".repeat(45));
        assertEquals(128, plain.length);
        String dataField = "02000000800000"
                + "421C73A27D827658AF481FDFF20A5025B559D0E3AA21E58D347F343CFFC768BFE596C706BC00F2176781D4B0242642A0"
                + "FF5A42C461AAF894D9A1284B8C76BCFA658ACD40555D362E08DB15CF421B51283F9064BCBE20E96CAE545B407C9D651A"
                + "3315B27373772E5DA2367D2064AE054AF996C6F1F669170FA88CE8C4E3A4A7BBBEF0FD971FF532C3A802AF745660F2B4"
                + "D1D9A8499661EBF3";
        byte[] field = hex(dataField);
        assertEquals(0x9F, field.length, "Lc 9F");
        byte[] expectedCipher = Arrays.copyOfRange(field, 7, field.length - 8);
        assertEquals(144, expectedCipher.length);

        byte[] cipher = A_KEYS.encrypt(A_KEYS.commandIv(A_TI, 0), Iso9797Padding.pad(plain));
        assertArrayEquals(expectedCipher, cipher);
        byte[] mac = A_KEYS.commandMac(0x8D, 0, A_TI, header, cipher);
        assertHex("D1D9A8499661EBF3", mac);
        assertArrayEquals(field, Ev2SessionKeys.concat(header, cipher, mac));
        // R: FC222E5F7A542452 9100 — response MAC over 00 ‖ CmdCtr 1 ‖ TI.
        assertHex("FC222E5F7A542452", A_KEYS.responseMac(0x00, 1, A_TI, new byte[0]));
    }

    @Test
    void vectorDThroughEv2SessionWrap() {
        // AN12196 rev 2.0 §5.8.2 T17 (vector D): the same data field from the session wrapper, and the response.
        Ev2Session session = new Ev2Session(A_KEYS, A_TI, 0, 0);
        byte[] plain = hex("0051D1014D550463686F6F73652E75726C2E636F6D2F6E7461673432343F653D"
                + "30".repeat(32) + "26633D" + "30".repeat(16) + "00".repeat(45));
        byte[] field = session.wrapCommand(0x8D, hex("02000000800000"), plain, CommMode.FULL);
        assertEquals(0x9F, field.length);
        assertHex("421C73A27D827658", Arrays.copyOfRange(field, 7, 15));
        assertHex("D1D9A8499661EBF3", Arrays.copyOfRange(field, field.length - 8, field.length));
        assertEquals(0, session.unwrapResponse(hex("FC222E5F7A542452"), CommMode.FULL).length);
        assertEquals(1, session.cmdCtr());
    }

    @Test
    void vectorEChangeFileSettings() {
        // AN12196 rev 2.0 §5.9 T18 (vector E), transcribed in icedevml/nfc-ev2-crypto test_ev2.py: keys from A, ctr 1.
        byte[] settings = hex("4000E0C1F121200000430000430000");
        byte[] cipher = A_KEYS.encrypt(A_KEYS.commandIv(A_TI, 1), Iso9797Padding.pad(settings));
        assertHex("61B6D97903566E84C3AE5274467E89EA", cipher);
        assertHex("D799B7C1A0EF7A04", A_KEYS.commandMac(0x5F, 1, A_TI, hex("02"), cipher));
        // Response MAC input 0002009D00C4DF.
        assertHex("57BFF87B1241E93D", A_KEYS.responseMac(0x00, 2, A_TI, new byte[0]));
        assertHex("57BFF87B1241E93D", AesCmac.macT(A_KEYS.macKey(), hex("0002009D00C4DF")));
        // Decrypting the command back gives the settings and their padding.
        byte[] back = A_KEYS.decrypt(A_KEYS.commandIv(A_TI, 1), cipher);
        assertArrayEquals(settings, Iso9797Padding.unpad(back).orElseThrow());
    }

    @Test
    void vectorFWriteDataFile3Full() {
        // icedevml/nfc-ev2-crypto test_ev2.py test_full2 ("Section 6.12 Page 36") (vector F): keys from B, ctr 0.
        byte[] header = hex("030000000A0000");
        byte[] cipher = B_KEYS.encrypt(B_KEYS.commandIv(BC_TI, 0), Iso9797Padding.pad(hex("0102030405060708090A")));
        assertHex("6B5E6804909962FC4E3FF5522CF0F843", cipher);
        assertHex("6C0C53315B9C73AA", B_KEYS.commandMac(0x8D, 0, BC_TI, header, cipher));
        assertHex("C26D236E4A7C046D", B_KEYS.responseMac(0x00, 1, BC_TI, new byte[0]));
    }

    @Test
    void vectorGMacModeGetFileSettings() {
        // icedevml/nfc-ev2-crypto test_ev2.py test_mac1 ("Section 5.3 Page 21") (vector G): only a SesAuthMACKey
        // is published, so the ENC key is a dummy (MAC mode never uses it).
        Ev2SessionKeys keys = new Ev2SessionKeys(new byte[16], hex("8248134A386E86EB7FAF54A52E536CB6"));
        byte[] ti = hex("7A21085E");
        assertHex("6597A457C8CD442C", keys.commandMac(0xF5, 0, ti, hex("02"), new byte[0]));
        byte[] body = hex("0040EEEE000100D1FE001F00004400004400002000006A0000");
        assertHex("2A474282E7A47986", keys.responseMac(0x00, 1, ti, body));
    }

    @Test
    void vectorHChangeKeyCase1OtherKey() {
        // AN12196 rev 2.0 §5.16.1 T25 (vector H case 1), transcribed in atknatk/tappa changekey_test.go:
        // KeyNo 02, ctr 0200 (= 2), old 00×16, KeyVer 01, keys from C.
        byte[] newKey = hex("F3847D627727ED3BC9C4CC050489B966");
        byte[] keydata = ChangeKeyData.build(2, 0, new byte[16], newKey, 0x01);
        assertHex("F3847D627727ED3BC9C4CC050489B966" + "01" + "789DFADC", keydata);
        byte[] padded = Iso9797Padding.pad(keydata);
        assertHex("F3847D627727ED3BC9C4CC050489B966" + "01" + "789DFADC" + "80" + "00".repeat(10), padded);
        byte[] iv = C_KEYS.commandIv(BC_TI, 2);
        assertHex("307EDE1814707F30CFE603DD6CA62353", iv);
        assertArrayEquals(Aes.encryptBlock(C_KEYS.encKey(), hex("A55A7614281A02000000000000000000")), iv);
        byte[] cipher = C_KEYS.encrypt(iv, padded);
        assertHex("2CF362B7BF4311FF3BE1DAA295E8C68DE09050560D19B9E16C2393AE9CD1FAC7", cipher);
        assertHex("5D0CE20BCD1D06E6", C_KEYS.commandMac(0xC4, 2, BC_TI, hex("02"), cipher));
        assertHex("203BB55D1089D587", C_KEYS.responseMac(0x00, 3, BC_TI, new byte[0]));
    }

    @Test
    void vectorHChangeKeyCase2AuthenticatedKey() {
        // AN12196 rev 2.0 §5.16.2 T26 (vector H case 2), transcribed in atknatk/tappa changekey_test.go and
        // drusifer/ntag424_sdm_provisioner AN12196_CHANGEKEY_EXAMPLE.md: KeyNo 00, ctr 0300 (= 3), keys from C.
        byte[] newKey = hex("5004BF991F408672B1EF00F08F9E8647");
        byte[] keydata = ChangeKeyData.build(0, 0, null, newKey, 0x01);
        byte[] padded = Iso9797Padding.pad(keydata);
        assertHex("5004BF991F408672B1EF00F08F9E8647" + "01" + "80" + "00".repeat(14), padded);
        byte[] iv = C_KEYS.commandIv(BC_TI, 3);
        assertHex("01602D579423B2797BE8B478B0B4D27B", iv);
        byte[] cipher = C_KEYS.encrypt(iv, padded);
        assertHex("C0EB4DEEFEDDF0B513A03A95A75491818580503190D4D05053FF75668A01D6FD", cipher);
        assertHex("A6610234BDED6432", C_KEYS.commandMac(0xC4, 3, BC_TI, hex("00"), cipher));
        assertHex("B7A60161F202EC3489BD4BEDEF64BB32",
                AesCmac.cmac(C_KEYS.macKey(), Ev2SessionKeys.concat(hex("C40300"), BC_TI, hex("00"), cipher)));
    }

    @Test
    void vectorIGetCardUidResponse() {
        // AN12196 rev 2.0 §6.3 T28 / rev 1.8 §7.3 T29 (vector I).
        Ev2SessionKeys keys = new Ev2SessionKeys(
                hex("2B4D963C014DC36F24F69A50A394F875"), hex("379D32130CE61705DD5FD8C36B95D764"));
        byte[] ti = hex("DF055522");
        assertHex("8E2C155ADDA99BE3", keys.commandMac(0x51, 0, ti, new byte[0], new byte[0]));
        byte[] cipher = hex("70756055688505B52A5E26E59E329CD6");
        assertHex("595F672298EA41B7", keys.responseMac(0x00, 1, ti, cipher));
        assertHex("F4593D5FAB671F225798C4EA894195B7",
                AesCmac.cmac(keys.macKey(), Ev2SessionKeys.concat(hex("000100"), ti, cipher)));
        byte[] ivr = keys.responseIv(ti, 1);
        assertHex("7F6BB0B278EA054CBD238C5D9E9E342B", ivr);
        byte[] plain = keys.decrypt(ivr, cipher);
        assertHex("04958CAA5C5E80" + "80" + "00".repeat(8), plain);
        Optional<byte[]> uid = Iso9797Padding.unpad(plain);
        assertTrue(uid.isPresent());
        assertHex("04958CAA5C5E80", uid.get());

        // The same through the session wrapper (MAC-only command, Full response).
        Ev2Session session = new Ev2Session(keys, ti, 0, 0);
        assertHex("8E2C155ADDA99BE3", session.wrapCommand(0x51, new byte[0], new byte[0], CommMode.FULL));
        assertHex("04958CAA5C5E80", session.unwrapResponse(
                hex("70756055688505B52A5E26E59E329CD6595F672298EA41B7"), CommMode.FULL));
    }

    @Test
    void keysAreCopiedAndRedacted() {
        byte[] enc = hex("1309C877509E5A215007FF0ED19CA564");
        Ev2SessionKeys keys = new Ev2SessionKeys(enc, new byte[16]);
        enc[0] = 0;
        assertHex("1309C877509E5A215007FF0ED19CA564", keys.encKey());
        keys.encKey()[0] = 0;
        assertHex("1309C877509E5A215007FF0ED19CA564", keys.encKey());
        assertFalse(keys.toString().contains("1309"));
    }
}
