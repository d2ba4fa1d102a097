package com.tagline.hardware.ntag424;

import com.tagline.hardware.crypto.Iso9797Padding;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Host side of one EV2 (AES) authenticated session (DS §9.1): TI, CmdCtr, key number and session
 * keys. Wraps command data for a CommMode and unwraps/verifies responses. Single-threaded, owned by
 * the reader thread; dead after any error (the owner drops it).
 */
final class Ev2Session {
    private static final int MAC_LENGTH = 8;
    private static final int MAX_CMD_CTR = 0xFFFF;

    private final Ev2SessionKeys keys;
    private final byte[] ti;
    private final int keyNo;
    private int cmdCtr;

    Ev2Session(Ev2SessionKeys keys, byte[] ti, int keyNo, int cmdCtr) {
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

    /** The data field for a command: CmdHeader ‖ (data | E(data)) ‖ [MACt], per CommMode (DS §9.1.4-9.1.6). */
    byte[] wrapCommand(int cmd, byte[] header, byte[] data, CommMode mode) {
        if (cmdCtr >= MAX_CMD_CTR) {
            throw new SecureMessagingException("command counter exhausted; re-authenticate");
        }
        if (mode == CommMode.PLAIN) {
            return Ev2SessionKeys.concat(header, data);
        }
        byte[] body = data;
        if (mode == CommMode.FULL && data.length > 0) {
            body = keys.encrypt(keys.commandIv(ti, cmdCtr), Iso9797Padding.pad(data));
        }
        byte[] mac = keys.commandMac(cmd, cmdCtr, ti, header, body);
        return Ev2SessionKeys.concat(header, body, mac);
    }

    /**
     * Verifies and strips a successful response's protection and advances CmdCtr (DS §9.1.3: the
     * response MAC covers RC 00 ‖ CmdCtr+1 ‖ TI ‖ RespData).
     */
    byte[] unwrapResponse(byte[] respData, CommMode mode) {
        cmdCtr++;
        if (mode == CommMode.PLAIN) {
            return respData;
        }
        if (respData.length < MAC_LENGTH) {
            throw new SecureMessagingException("response too short for its MAC (" + respData.length + " bytes)");
        }
        byte[] body = Arrays.copyOf(respData, respData.length - MAC_LENGTH);
        byte[] mac = Arrays.copyOfRange(respData, respData.length - MAC_LENGTH, respData.length);
        if (!MessageDigest.isEqual(mac, keys.responseMac(0x00, cmdCtr, ti, body))) {
            throw new SecureMessagingException("response MAC did not verify");
        }
        if (mode == CommMode.MAC || body.length == 0) {
            return body;
        }
        if (body.length % 16 != 0) {
            throw new SecureMessagingException("encrypted response is not a whole number of blocks");
        }
        byte[] plain = keys.decrypt(keys.responseIv(ti, cmdCtr), body);
        return Iso9797Padding.unpad(plain)
                .orElseThrow(() -> new SecureMessagingException("response padding is malformed"));
    }

    /** MAC-mode check of a multi-frame answer whose MAC arrives with the last frame (GetVersion). */
    byte[] unwrapConcatenated(byte[] allData) {
        return unwrapResponse(allData, CommMode.MAC);
    }

    /** A session continuing after AuthenticateEV2NonFirst: new keys, same TI and counter (DS §9.1.6). */
    Ev2Session continueWith(Ev2SessionKeys newKeys, int newKeyNo) {
        return new Ev2Session(newKeys, ti, newKeyNo, cmdCtr);
    }

    @Override
    public String toString() {
        return "Ev2Session[key=" + keyNo + ", cmdCtr=" + cmdCtr + "]";
    }
}
