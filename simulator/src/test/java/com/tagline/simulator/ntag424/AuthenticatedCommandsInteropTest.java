package com.tagline.simulator.ntag424;

import com.tagline.simulator.field.OriginalityKeyPair;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.ntag424.ChipStatusException;
import com.tagline.hardware.ntag424.ChipVersion;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.Ntag424;
import com.tagline.hardware.ntag424.StatusWord;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production host and the simulator agree on every command in its authenticated form
 * (CommMode.MAC and Full, DS §9.1 and Tables 22–24): two independent implementations of the
 * secure-messaging rules, each already pinned to the AN12196 vectors on its own side.
 */
class AuthenticatedCommandsInteropTest {
    private static final byte[] ZERO = new byte[16];
    private SimulatedNtag424 chip;
    private Ntag424 host;

    @BeforeEach
    void authenticate() {
        chip = SimulatedNtag424.builder().uid(HexFormat.of().parseHex("04112233445566")).random(new SplittableRandom(9))
                .build();
        host = new Ntag424(new SimulatedNtag424Link(chip));
        host.isoSelectApplication();
        host.authenticateEv2First(0, ZERO);
    }

    @Test
    void getVersionInMacModeOverAllThreeFrames() {
        ChipVersion v = host.getVersion();
        assertTrue(v.looksLikeNtag424());
        assertArrayEquals(chip.uid(), v.uid());
        assertTrue(host.isAuthenticated());
    }

    @Test
    void readSigInFullMode() {
        byte[] sig = host.readSig();
        assertEquals(56, sig.length);
        assertTrue(OriginalitySignature.ntag424(List.of(OriginalityKeyPair.ntag424Test().publicKeyHex())).verify(chip.uid(), sig));
    }

    @Test
    void macModeQueriesAndCounterAdvance() {
        assertEquals(0, host.getKeyVersion(3));
        assertEquals(CommMode.FULL, host.getFileSettings(3).commMode());
        assertArrayEquals(chip.uid(), host.getCardUid());
        assertEquals(3, chip.commandCounter().orElseThrow(), "one CmdCtr step per command");
    }

    @Test
    void fullModeWriteAndReadOfTheProprietaryFile() {
        // File 03: Read key 2, Write key 3, RW 3 (factory), CommMode.Full; authenticate with key 3 via NonFirst.
        host.authenticateEv2NonFirst(3, ZERO);
        byte[] data = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF0102030405");
        host.writeData(3, 5, data, CommMode.FULL);
        assertArrayEquals(data, host.readData(3, 5, data.length, CommMode.FULL));
        assertArrayEquals(data, java.util.Arrays.copyOfRange(chip.fileData(3), 5, 5 + data.length));
    }

    @Test
    void plainWriteWhileAuthenticatedCountsTheCommand() {
        host.writeData(2, 0, new byte[] {0x00, 0x03}, CommMode.PLAIN);
        assertArrayEquals(new byte[] {0x00, 0x03}, host.readData(2, 0, 2, CommMode.PLAIN));
        assertEquals(2, chip.commandCounter().orElseThrow());
    }

    @Test
    void rightNotGrantedEndsTheSessionOnBothSides() {
        ChipStatusException e = assertThrows(ChipStatusException.class,
                () -> host.readData(3, 0, 4, CommMode.FULL)); // Read right is key 2, we hold key 0
        assertEquals(StatusWord.AUTHENTICATION_ERROR, e.statusWord());
        assertFalse(host.isAuthenticated());
        assertFalse(chip.isAuthenticated());
    }

    @Test
    void changeKeyOfAnotherKeyWithANonFactoryOldKey() {
        // No published vector XORs with a non-zero old key (ntag424.md §4 H): check it against the simulator,
        // an independent implementation of the same rule, twice in a row.
        byte[] k1 = HexFormat.of().parseHex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF");
        byte[] k2 = HexFormat.of().parseHex("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF");
        host.changeKey(1, ZERO, k1, 1);
        host.changeKey(1, k1, k2, 2);
        assertEquals(2, chip.keyVersion(1));
        host.authenticateEv2NonFirst(1, k2);
        assertEquals(1, host.authenticatedKey());
    }

    @Test
    void wrongOldKeyIsAnIntegrityError() {
        byte[] k1 = HexFormat.of().parseHex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF");
        host.changeKey(1, ZERO, k1, 1);
        ChipStatusException e = assertThrows(ChipStatusException.class, () -> host.changeKey(1, ZERO, ZERO, 2));
        assertEquals(StatusWord.INTEGRITY_ERROR, e.statusWord());
        assertEquals(1, chip.keyVersion(1));
    }
}
