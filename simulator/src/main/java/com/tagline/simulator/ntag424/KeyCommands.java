package com.tagline.simulator.ntag424;

import com.tagline.hardware.crypto.Crc32Nk;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.StatusWord;
import java.security.MessageDigest;
import java.util.Arrays;

/** Key management: ChangeKey (DS §10.6.1) and GetKeyVersion (DS §10.6.2). */
final class KeyCommands {
    static final int INS_CHANGE_KEY = 0xC4;
    static final int INS_GET_KEY_VERSION = 0x64;
    /** DS §10.6.1: only the AppMasterKey (key 0) may change keys. */
    private static final int APP_MASTER_KEY = 0;

    private final ChipContext ctx;

    KeyCommands(ChipContext ctx) {
        this.ctx = ctx;
    }

    /** {@code 90 64 00 00 01 KeyNo [MACt] 00}: KeyVer, CommMode.MAC when authenticated. */
    byte[] getKeyVersion(CommandApdu c) {
        ctx.requireApplication();
        byte[] field = ctx.open(c, 1, CommMode.MAC);
        if (field.length != 1) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        int keyNo = keyNumber(field[0]);
        return ctx.ok(new byte[] {(byte) ctx.keys().version(keyNo)}, CommMode.MAC);
    }

    /**
     * {@code 90 C4 00 00 29 KeyNo E(KeyData) MACt 00}, CommMode.Full, key-0 authentication required
     * (else 91AE). KeyData (ntag424.md §3.8): for the authenticated key {@code NewKey ‖ KeyVer} — the
     * answer is a bare 9100 and the authentication ends; for another key
     * {@code (NewKey XOR OldKey) ‖ KeyVer ‖ CRC32NK(NewKey)} — the chip recovers NewKey with the current
     * key, a CRC mismatch (e.g. a wrong old key) is INTEGRITY_ERROR, success answers with a MACt.
     */
    byte[] changeKey(CommandApdu c) {
        if (!ctx.authenticated()) {
            throw new ChipError(StatusWord.AUTHENTICATION_ERROR);
        }
        ctx.requireApplication();
        byte[] field = ctx.open(c, 1, CommMode.FULL);
        if (ctx.session().keyNo() != APP_MASTER_KEY) {
            throw new ChipError(StatusWord.AUTHENTICATION_ERROR);
        }
        int keyNo = keyNumber(field[0]);
        byte[] keyData = Arrays.copyOfRange(field, 1, field.length);
        if (keyNo == ctx.session().keyNo()) {
            if (keyData.length != 17) {
                throw new ChipError(StatusWord.LENGTH_ERROR);
            }
            ctx.keys().change(keyNo, Arrays.copyOf(keyData, 16), keyData[16]);
            ctx.dropAuthentication(); // ntag424.md §3.7: bare 9100, authentication ends
            return StatusWord.OPERATION_OK.bytes();
        }
        if (keyData.length != 21) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        byte[] oldKey = ctx.keys().key(keyNo);
        byte[] newKey = new byte[16];
        for (int i = 0; i < 16; i++) {
            newKey[i] = (byte) (keyData[i] ^ oldKey[i]);
        }
        if (!MessageDigest.isEqual(Arrays.copyOfRange(keyData, 17, 21), Crc32Nk.of(newKey))) {
            throw new ChipError(StatusWord.INTEGRITY_ERROR);
        }
        ctx.keys().change(keyNo, newKey, keyData[16]);
        return ctx.ok(ChipContext.NO_DATA, CommMode.FULL);
    }

    private static int keyNumber(byte b) {
        int keyNo = b & 0xFF;
        if ((keyNo & 0xC0) != 0) {
            throw new ChipError(StatusWord.PARAMETER_ERROR); // bits 7-6 RFU (DS Tables 63, 66)
        }
        if (!ApplicationKeys.exists(keyNo)) {
            throw new ChipError(StatusWord.NO_SUCH_KEY);
        }
        return keyNo;
    }
}
