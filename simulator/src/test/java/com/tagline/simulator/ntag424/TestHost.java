package com.tagline.simulator.ntag424;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.crypto.Iso9797Padding;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.Ev2SessionKeys;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A minimal, test-only host for the simulator: builds exact APDUs, runs EV2 authentication and wraps and
 * unwraps secure messaging with {@link Ev2SessionKeys} (ntag424.md §3). Unlike the production host it
 * sends whatever a test asks for, including commands the real host refuses.
 */
final class TestHost {
    static final byte[] ZERO_KEY = new byte[16];
    static final String SELECT_APPLICATION = "00A4040C07D276000085010100";

    private final SimulatedNtag424 chip;
    private Ev2SessionKeys keys;
    private byte[] ti;
    private int cmdCtr;

    TestHost(SimulatedNtag424 chip) {
        this.chip = chip;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    static int sw(byte[] r) {
        return (r[r.length - 2] & 0xFF) << 8 | (r[r.length - 1] & 0xFF);
    }

    static byte[] data(byte[] r) {
        return Arrays.copyOf(r, r.length - 2);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** {@code 90 INS 00 00 [Lc data] 00}. */
    static byte[] nativeApdu(int ins, byte[] data) {
        if (data.length == 0) {
            return new byte[] {(byte) 0x90, (byte) ins, 0, 0, 0};
        }
        return concat(new byte[] {(byte) 0x90, (byte) ins, 0, 0, (byte) data.length}, data, new byte[] {0});
    }

    byte[] send(byte[] apdu) {
        return chip.process(apdu);
    }

    byte[] send(String apduHex) {
        return chip.process(hex(apduHex));
    }

    void expect(int expectedSw, byte[] response) {
        assertEquals(String.format("%04X", expectedSw), String.format("%04X", sw(response)),
                "status word of " + hex(response));
    }

    void selectApplication() {
        expect(0x9000, send(SELECT_APPLICATION));
    }

    void selectFile(int fid) {
        expect(0x9000, send(new byte[] {0x00, (byte) 0xA4, 0x00, 0x0C, 0x02, (byte) (fid >>> 8), (byte) fid}));
    }

    void authenticateFirst(int keyNo, byte[] key, byte[] rndA) {
        byte[] rndB = partOne(0x71, new byte[] {(byte) keyNo, 0x00}, key);
        byte[] plain = partTwo(key, rndA, rndB, 32);
        ti = Arrays.copyOf(plain, 4);
        assertArrayEquals(rndA, Ev2SessionKeys.rotateRight(Arrays.copyOfRange(plain, 4, 20)), "RndA'");
        keys = Ev2SessionKeys.derive(key, rndA, rndB);
        cmdCtr = 0;
    }

    void authenticateNonFirst(int keyNo, byte[] key, byte[] rndA) {
        byte[] rndB = partOne(0x77, new byte[] {(byte) keyNo}, key);
        byte[] plain = partTwo(key, rndA, rndB, 16);
        assertArrayEquals(rndA, Ev2SessionKeys.rotateRight(plain), "RndA'");
        keys = Ev2SessionKeys.derive(key, rndA, rndB);
    }

    private byte[] partOne(int ins, byte[] data, byte[] key) {
        byte[] r = send(nativeApdu(ins, data));
        expect(0x91AF, r);
        return Aes.cbcDecryptZeroIv(key, data(r));
    }

    private byte[] partTwo(byte[] key, byte[] rndA, byte[] rndB, int expectedLength) {
        byte[] c2 = Aes.cbcEncryptZeroIv(key, concat(rndA, Ev2SessionKeys.rotateLeft(rndB)));
        byte[] r = send(nativeApdu(0xAF, c2));
        expect(0x9100, r);
        assertEquals(expectedLength, data(r).length);
        return Aes.cbcDecryptZeroIv(key, data(r));
    }

    /** The data field of a command protected in {@code mode} with the current CmdCtr (not advanced). */
    byte[] protect(int ins, byte[] header, byte[] data, CommMode mode) {
        if (mode == CommMode.PLAIN) {
            return concat(header, data);
        }
        byte[] body = data;
        if (mode == CommMode.FULL && data.length > 0) {
            body = keys.encrypt(keys.commandIv(ti, cmdCtr), Iso9797Padding.pad(data));
        }
        return concat(header, body, keys.commandMac(ins, cmdCtr, ti, header, body));
    }

    /** Sends a protected command and returns the raw R-APDU; CmdCtr advances as on the chip. */
    byte[] exchange(int ins, byte[] header, byte[] data, CommMode mode) {
        byte[] r = send(nativeApdu(ins, protect(ins, header, data, mode)));
        cmdCtr++;
        return r;
    }

    /** Sends, expects 9100, verifies the response MAC and decrypts; returns the plain response data. */
    byte[] call(int ins, byte[] header, byte[] data, CommMode mode) {
        byte[] r = exchange(ins, header, data, mode);
        expect(0x9100, r);
        return unwrap(data(r), mode);
    }

    byte[] unwrap(byte[] resp, CommMode mode) {
        if (mode == CommMode.PLAIN) {
            return resp;
        }
        byte[] body = Arrays.copyOf(resp, resp.length - 8);
        assertArrayEquals(keys.responseMac(0x00, cmdCtr, ti, body), Arrays.copyOfRange(resp, resp.length - 8,
                resp.length), "response MAC");
        if (mode == CommMode.MAC || body.length == 0) {
            return body;
        }
        byte[] plain = keys.decrypt(keys.responseIv(ti, cmdCtr), body);
        return Iso9797Padding.unpad(plain).orElseThrow(() -> new AssertionError("bad response padding"));
    }

    SimulatedNtag424 chip() {
        return chip;
    }

    Ev2SessionKeys sessionKeys() {
        return keys;
    }

    byte[] ti() {
        return ti.clone();
    }

    int cmdCtr() {
        return cmdCtr;
    }
}
