package com.tagline.simulator.ntag424;

import com.tagline.simulator.field.OriginalityKeyPair;
import static com.tagline.simulator.ntag424.TestHost.ZERO_KEY;
import static com.tagline.simulator.ntag424.TestHost.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.ChipStatusException;
import com.tagline.hardware.ntag424.ChipVersion;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.FileSettings;
import com.tagline.hardware.ntag424.Ntag424;
import com.tagline.hardware.ntag424.SdmSettings;
import com.tagline.hardware.ntag424.StatusWord;
import com.tagline.hardware.ntag424.sdm.PiccData;
import com.tagline.hardware.ntag424.sdm.SdmCrypto;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The production host protocol ({@link Ntag424} in module hardware) against the simulator over
 * {@link SimulatedNtag424Link}: a blank check, a boltcard-like personalization (ntag424.md §11) and the
 * SUN read-back, with random RndA/RndB on both sides.
 */
class HostInteroperabilityTest {
    private static final byte[] K0 = hex("A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0");
    private static final byte[] K1 = hex("B1B1B1B1B1B1B1B1B1B1B1B1B1B1B1B1");
    private static final byte[] K2 = hex("C2C2C2C2C2C2C2C2C2C2C2C2C2C2C2C2");

    private final SimulatedNtag424 chip = SimulatedNtag424.builder().build();
    private final SimulatedNtag424Link link = new SimulatedNtag424Link(chip);
    private final Ntag424 tag = new Ntag424(link);

    @Test
    void blankCheckAndOriginalitySignature() {
        tag.isoSelectApplication();
        ChipVersion version = tag.getVersion();
        assertTrue(version.looksLikeNtag424());
        assertArrayEquals(chip.uid(), version.uid());
        assertEquals("0000E0EE000100", hex(tag.getFileSettings(Ntag424.FILE_NDEF).encodeForGet()));
        for (int k = 0; k < Ntag424.KEY_COUNT; k++) {
            assertEquals(0, tag.getKeyVersion(k));
        }
        OriginalitySignature trust = OriginalitySignature.ntag424(List.of(OriginalityKeyPair.ntag424Test().publicKeyHex()));
        assertTrue(trust.verify(chip.uid(), tag.readSig()));
    }

    @Test
    void personalizeLikeBoltcardAndVerifyTheSunMessage() {
        String url = "https://card.example/ln?p=" + "0".repeat(32) + "&c=" + "0".repeat(16);
        byte[] uri = ("\u0004" + url.substring("https://".length())).getBytes(StandardCharsets.US_ASCII);
        int piccOffset = 2 + 4 + url.indexOf("p=") + 2 - "https://".length() + 1;
        int macOffset = piccOffset + 32 + 3;
        byte[] ndef = TestHost.concat(new byte[] {0x00, (byte) (uri.length + 4), (byte) 0xD1, 0x01,
            (byte) uri.length, 0x55}, uri);

        tag.isoSelectApplication();
        tag.isoSelectFile(Ntag424.FID_NDEF);
        tag.isoUpdateBinary(0, ndef);
        tag.isoSelectApplication();
        tag.authenticateEv2First(0, ZERO_KEY);
        assertArrayEquals(chip.uid(), tag.getCardUid());
        SdmSettings sdm = new SdmSettings(true, true, false, false, 1, 2, 0xF, -1, -1, piccOffset, macOffset, -1,
                -1, macOffset, -1);
        tag.changeFileSettings(Ntag424.FILE_NDEF, new FileSettings(CommMode.PLAIN,
                new AccessRights(0xE, 0x0, 0x0, 0x0), 256, Optional.of(sdm)));
        tag.changeKey(1, ZERO_KEY, K1, 1);
        tag.changeKey(2, ZERO_KEY, K2, 1);
        tag.changeKey(0, null, K0, 1);
        assertFalse(tag.isAuthenticated());
        assertFalse(chip.isAuthenticated());

        byte[] read = tag.readData(Ntag424.FILE_NDEF, 0, 0, CommMode.PLAIN);
        assertEquals(1, chip.sdmReadCounter());
        PiccData picc = SdmCrypto.decryptPiccData(K1, hex(new String(read, piccOffset, 32, StandardCharsets.US_ASCII)));
        assertArrayEquals(chip.uid(), picc.uid());
        assertEquals(1, picc.readCounter());
        byte[] mac = SdmCrypto.sdmMac(SdmCrypto.sessionMacKey(K2, chip.uid(), 1), new byte[0]);
        assertEquals(hex(mac), new String(read, macOffset, 16, StandardCharsets.US_ASCII));

        tag.authenticateEv2First(0, K0);
        assertEquals(1, tag.getKeyVersion(2));
        assertArrayEquals(Arrays.copyOf(chip.fileData(2), 40), Arrays.copyOf(
                tag.readData(Ntag424.FILE_NDEF, 0, 40, CommMode.PLAIN), 40), "authenticated: static bytes");
        assertEquals(1, chip.sdmReadCounter());
    }

    @Test
    void wrongKeySurfacesAsAuthenticationError() {
        tag.isoSelectApplication();
        ChipStatusException e = assertThrows(ChipStatusException.class, () -> tag.authenticateEv2First(0, K0));
        assertTrue(e.is(StatusWord.AUTHENTICATION_ERROR));
        assertEquals(1, chip.totFailCtr(0));
    }
}
