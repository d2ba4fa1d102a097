package com.tagline.hardware.crypto;

import com.tagline.hardware.TaglineException;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 block operations without padding, as NTAG secure messaging uses them (NTAG 424 DNA DS §9.1):
 * ECB for IV derivation, CBC for authentication, CommMode.Full and SDM.
 *
 * <p>Thread-safe: each thread keeps one {@link Cipher} per transform and initializes it with the key of
 * every call (a {@code Cipher.getInstance} per call was a tenth of a personalization's host CPU, issue 13).
 */
public final class Aes {
    public static final int BLOCK = 16;
    private static final byte[] ZERO_IV = new byte[BLOCK];
    private static final String ECB = "AES/ECB/NoPadding";
    private static final String CBC = "AES/CBC/NoPadding";
    private static final ThreadLocal<Cipher> ECB_CIPHER = ThreadLocal.withInitial(() -> newCipher(ECB));
    private static final ThreadLocal<Cipher> CBC_CIPHER = ThreadLocal.withInitial(() -> newCipher(CBC));

    private Aes() {}

    public static byte[] encryptBlock(byte[] key, byte[] block) {
        return run(ECB, Cipher.ENCRYPT_MODE, key, null, block);
    }

    public static byte[] cbcEncrypt(byte[] key, byte[] iv, byte[] data) {
        return run(CBC, Cipher.ENCRYPT_MODE, key, iv, data);
    }

    public static byte[] cbcDecrypt(byte[] key, byte[] iv, byte[] data) {
        return run(CBC, Cipher.DECRYPT_MODE, key, iv, data);
    }

    /** CBC with an all-zero IV (authentication and PICCData, DS §9.1.4, §9.3.4). */
    public static byte[] cbcEncryptZeroIv(byte[] key, byte[] data) {
        return cbcEncrypt(key, ZERO_IV, data);
    }

    public static byte[] cbcDecryptZeroIv(byte[] key, byte[] data) {
        return cbcDecrypt(key, ZERO_IV, data);
    }

    private static byte[] run(String transform, int mode, byte[] key, byte[] iv, byte[] data) {
        checkKey(key);
        if (data.length % BLOCK != 0) {
            throw new IllegalArgumentException("AES input must be a multiple of 16 bytes, got " + data.length);
        }
        try {
            Cipher cipher = (iv == null ? ECB_CIPHER : CBC_CIPHER).get();
            SecretKeySpec spec = new SecretKeySpec(key, "AES");
            if (iv == null) {
                cipher.init(mode, spec);
            } else {
                cipher.init(mode, spec, new IvParameterSpec(iv));
            }
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            // The message names the transform only, never the key.
            throw new TaglineException("AES operation " + transform + " failed", e);
        }
    }

    private static Cipher newCipher(String transform) {
        try {
            return Cipher.getInstance(transform);
        } catch (GeneralSecurityException e) {
            throw new TaglineException("AES transform " + transform + " is not available", e);
        }
    }

    static void checkKey(byte[] key) {
        if (key == null || key.length != BLOCK) {
            throw new IllegalArgumentException("AES-128 key must be 16 bytes");
        }
    }
}
