package com.tagline.simulator.ntag424;

import com.tagline.hardware.crypto.Iso9797Padding;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.Ev2SessionKeys;
import com.tagline.hardware.ntag424.StatusWord;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Card side of one EV2 (AES) secure-messaging session (DS §9.1; ntag424.md §3): TI, CmdCtr, the
 * authenticated key number and the session keys. {@link #open} checks and strips a command's protection
 * and advances CmdCtr once; {@link #seal} protects the response with the advanced counter.
 *
 * <p>Single-threaded, owned by the simulated chip. Holds session keys: {@link #toString()} never shows them.
 */
final class CardSession {
    static final int MAC_LENGTH = 8;
    /** DS §9.1.2: a command arriving at CmdCtr FFFFh is handled like a wrong MAC. */
    private static final int MAX_CMD_CTR = 0xFFFF;

    private final Ev2SessionKeys keys;
    private final byte[] ti;
    private final int keyNo;
    private int cmdCtr;

    CardSession(Ev2SessionKeys keys, byte[] ti, int keyNo, int cmdCtr) {
        this.keys = keys;
        this.ti = ti.clone();
        this.keyNo = keyNo;
        this.cmdCtr = cmdCtr;
    }

    int keyNo() {
        return keyNo;
    }

    int cmdCtr() {
        return cmdCtr;
    }

    byte[] ti() {
        return ti.clone();
    }

    /**
     * Verifies and removes the protection of a command data field (CmdHeader ‖ CmdData) and advances
     * CmdCtr (DS §9.1.8–9.1.10). MAC input: Cmd ‖ CmdCtr ‖ TI ‖ CmdHeader ‖ (E(CmdData) | CmdData); the
     * IV of a Full-mode command uses the counter before the increment.
     *
     * @throws ChipError LENGTH_ERROR when the MAC is missing, INTEGRITY_ERROR on a wrong MAC, a
     *     counter at FFFFh, a ciphertext that is not whole blocks or bad padding
     */
    byte[] open(int ins, byte[] field, int headerLength, CommMode mode) {
        if (cmdCtr >= MAX_CMD_CTR) {
            throw new ChipError(StatusWord.INTEGRITY_ERROR);
        }
        if (mode == CommMode.PLAIN) {
            cmdCtr++; // DS §9.1.8: counted in CommMode.Plain as well
            return field.clone();
        }
        if (field.length < headerLength + MAC_LENGTH) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        byte[] header = Arrays.copyOfRange(field, 0, headerLength);
        byte[] body = Arrays.copyOfRange(field, headerLength, field.length - MAC_LENGTH);
        byte[] mac = Arrays.copyOfRange(field, field.length - MAC_LENGTH, field.length);
        if (!MessageDigest.isEqual(mac, keys.commandMac(ins, cmdCtr, ti, header, body))) {
            throw new ChipError(StatusWord.INTEGRITY_ERROR);
        }
        byte[] plain = mode == CommMode.FULL && body.length > 0 ? decrypt(body) : body;
        cmdCtr++;
        return ByteBuffer.allocate(header.length + plain.length).put(header).put(plain).array();
    }

    private byte[] decrypt(byte[] body) {
        if (body.length % 16 != 0) {
            throw new ChipError(StatusWord.INTEGRITY_ERROR);
        }
        byte[] padded = keys.decrypt(keys.commandIv(ti, cmdCtr), body);
        return Iso9797Padding.unpad(padded).orElseThrow(() -> new ChipError(StatusWord.INTEGRITY_ERROR));
    }

    /**
     * Protects response data for OPERATION_OK (RC 00) with the advanced counter: MAC mode appends
     * MACt(RC ‖ CmdCtr ‖ TI ‖ RespData); Full mode encrypts with IVr first (DS §9.1.9, §9.1.10).
     */
    byte[] seal(byte[] data, CommMode mode) {
        if (mode == CommMode.PLAIN) {
            return data.clone();
        }
        byte[] body = data;
        if (mode == CommMode.FULL && data.length > 0) {
            body = keys.encrypt(keys.responseIv(ti, cmdCtr), Iso9797Padding.pad(data));
        }
        byte[] mac = responseMac(body);
        return ByteBuffer.allocate(body.length + mac.length).put(body).put(mac).array();
    }

    /** MACt over RC 00 ‖ CmdCtr ‖ TI ‖ data, for answers whose MAC covers several frames (GetVersion). */
    byte[] responseMac(byte[] data) {
        return keys.responseMac(0x00, cmdCtr, ti, data);
    }

    /** Bytes SM adds to {@code length} response bytes in {@code mode} (padding and MACt). */
    static int overhead(int length, CommMode mode) {
        return switch (mode) {
            case PLAIN -> 0;
            case MAC -> MAC_LENGTH;
            case FULL -> (length == 0 ? 0 : (length / 16 + 1) * 16 - length) + MAC_LENGTH;
        };
    }

    @Override
    public String toString() {
        return "CardSession[key=" + keyNo + ", cmdCtr=" + cmdCtr + "]";
    }
}
