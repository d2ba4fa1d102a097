package com.tagline.simulator.ntag424;

import com.tagline.simulator.field.OriginalityKeyPair;
import static com.tagline.simulator.ntag424.TestHost.ZERO_KEY;
import static com.tagline.simulator.ntag424.TestHost.data;
import static com.tagline.simulator.ntag424.TestHost.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.ntag424.CommMode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delivery state (ntag424.md §1) and the identification commands, plain and under secure messaging. */
class FactoryStateTest {
    private static final byte[] UID = hex("04518DFAA96180");

    private final ScriptedRandom random = new ScriptedRandom();
    private final SimulatedNtag424 chip = SimulatedNtag424.builder().uid(UID).random(random).build();
    private final TestHost host = new TestHost(chip);

    @Test
    void getVersionAnswersThreeFramesAsARealChip() {
        assertEquals("0404023000110591AF", hex(host.send("9060000000")));
        assertEquals("0404020102110591AF", hex(host.send("90AF000000")));
        assertEquals("04518DFAA96180" + "CD65935D402118" + "9100", hex(host.send("90AF000000")));
        host.expect(0x911C, host.send("90AF000000")); // nothing left to continue
    }

    @Test
    void fileSettingsKeyVersionsAndCcFileAreTheDeliveryValues() {
        host.selectApplication();
        assertEquals("000000E02000009100", hex(host.send("90F5000001" + "01" + "00")));
        assertEquals("0000E0EE0001009100", hex(host.send("90F5000001" + "02" + "00")));
        assertEquals("000330238000009100", hex(host.send("90F5000001" + "03" + "00")));
        host.expect(0x91F0, host.send("90F5000001" + "04" + "00"));
        for (int k = 0; k < 5; k++) {
            assertEquals("009100", hex(host.send("9064000001" + String.format("%02X", k) + "00")));
            assertEquals(0, chip.keyVersion(k));
        }
        host.expect(0x9140, host.send("9064000001" + "05" + "00"));
        host.selectFile(0xE103);
        assertEquals(ApplicationFiles.FACTORY_CC + "9000", hex(host.send("00B0000000")));
    }

    @Test
    void applicationCommandsNeedTheApplicationSelected() {
        host.expect(0x919D, host.send("90F5000001" + "02" + "00"));
        host.expect(0x919D, host.send("9071000002000000"));
        host.expect(0x6A82, host.send("00A4000C02E104")); // EF from MF level
        host.expect(0x6A82, host.send("00A4040C07D276000085019900"));
        host.expect(0x9000, host.send("00A4000C02E110")); // the application by FID
        host.expect(0x9000, host.send("00A4000C02E104"));
        host.expect(0x9000, host.send("00A4030C")); // parent of the EF: the application
        host.expect(0x9100, host.send("90F5000001" + "02" + "00"));
    }

    @Test
    void readSigVerifiesWithTheTestPublicKey() {
        byte[] r = host.send("903C0000010000");
        host.expect(0x9100, r);
        assertEquals(56, data(r).length);
        String publicKey = OriginalityKeyPair.ntag424Test().publicKeyHex();
        assertEquals(OriginalityKeyPair.NTAG424_TEST_PUBLIC_KEY_HEX, publicKey, "deterministic test key");
        assertEquals(114, publicKey.length());
        assertTrue(OriginalitySignature.ntag424(List.of(publicKey)).verify(UID, data(r)));
        assertFalse(OriginalitySignature.ntag424(List.of()).verify(UID, data(r)), "not an NXP signature");
        host.expect(0x919E, host.send("903C0000010100"));
    }

    @Test
    void defaultUidComesFromTheRandomSourceWithNxpManufacturerByte() {
        ScriptedRandom r = new ScriptedRandom("A1A2A3A4A5A6");
        SimulatedNtag424 c = SimulatedNtag424.builder().random(r).build();
        assertEquals("04A1A2A3A4A5A6", c.uidHex());
    }

    @Test
    void unknownCommandsAndMalformedApdusGetTheirStatusWords() {
        host.expect(0x6E00, host.send("80CA000000"));
        host.expect(0x911C, host.send("90EE000000"));
        host.expect(0x6D00, host.send("00CA000000"));
        host.expect(0x917E, host.send("906000000500"));
        host.expect(0x6700, host.send("00A4"));
        host.expect(0x6700, chip.process(null));
    }

    @Test
    void authenticatedIdentityCommandsUseMacAndFullMode() {
        host.selectApplication();
        random.then("00000000000000000000000000000001").then("11223344");
        host.authenticateFirst(0, ZERO_KEY, hex("0F0E0D0C0B0A09080706050403020100"));

        // GetVersion: MACt on the command, and one MACt over all three frames on the last (DS Table 22 [1]).
        byte[] r1 = host.exchange(0x60, new byte[0], new byte[0], CommMode.MAC);
        host.expect(0x91AF, r1);
        byte[] r2 = host.send("90AF000000");
        host.expect(0x91AF, r2);
        byte[] r3 = host.send("90AF000000");
        host.expect(0x9100, r3);
        byte[] third = data(r3);
        assertEquals(14 + 8, third.length);
        byte[] all = TestHost.concat(data(r1), data(r2), Arrays.copyOf(third, 14));
        assertArrayEquals(host.sessionKeys().responseMac(0x00, host.cmdCtr(), host.ti(), all),
                Arrays.copyOfRange(third, 14, 22));

        assertArrayEquals(UID, host.call(0x51, new byte[0], new byte[0], CommMode.FULL));
        assertArrayEquals(chip.originalitySignature(), host.call(0x3C, new byte[] {0}, new byte[0], CommMode.FULL));
        assertEquals("0000E0EE000100", hex(host.call(0xF5, new byte[] {2}, new byte[0], CommMode.MAC)));
        assertEquals("00", hex(host.call(0x64, new byte[] {4}, new byte[0], CommMode.MAC)));
        assertEquals(host.cmdCtr(), chip.commandCounter().getAsInt());
        assertEquals(5, host.cmdCtr());
    }

    @Test
    void getCardUidNeedsAuthentication() {
        host.selectApplication();
        host.expect(0x91AE, host.send("9051000000"));
    }
}
