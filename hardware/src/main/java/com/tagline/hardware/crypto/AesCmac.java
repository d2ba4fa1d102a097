package com.tagline.hardware.crypto;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-CMAC (RFC 4493 / NIST SP 800-38B) through Bouncy Castle, which the JDK lacks
 * (libraries.md §6.1), plus the NTAG "MACt" truncation.
 */
public final class AesCmac {
    private AesCmac() {}

    public static byte[] cmac(byte[] key, byte[] message) {
        return cmac(key, message, 0, message.length);
    }

    public static byte[] cmac(byte[] key, byte[] message, int offset, int length) {
        Aes.checkKey(key);
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(key));
        mac.update(message, offset, length);
        byte[] out = new byte[16];
        mac.doFinal(out, 0);
        return out;
    }

    /**
     * MACt: the 8 bytes at indices 1, 3, ..., 15 of the full CMAC (NTAG 424 DNA DS §9.1.3; the
     * "even-numbered bytes" counting from 1).
     */
    public static byte[] truncate(byte[] fullCmac) {
        byte[] t = new byte[8];
        for (int i = 0; i < 8; i++) {
            t[i] = fullCmac[2 * i + 1];
        }
        return t;
    }

    public static byte[] macT(byte[] key, byte[] message) {
        return truncate(cmac(key, message));
    }

    public static byte[] macT(byte[] key, byte[] message, int offset, int length) {
        return truncate(cmac(key, message, offset, length));
    }
}
