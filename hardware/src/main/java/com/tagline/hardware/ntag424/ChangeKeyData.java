package com.tagline.hardware.ntag424;

import com.tagline.hardware.crypto.Crc32Nk;

/**
 * The ChangeKey key data before CommMode.Full encryption (DS §10.6.1; ntag424.md §3.8):
 * for the authenticated key {@code NewKey ‖ KeyVer}; for any other key
 * {@code (NewKey XOR OldKey) ‖ KeyVer ‖ CRC32NK(NewKey)}. Padding is added by the Full-mode wrap.
 */
final class ChangeKeyData {
    private ChangeKeyData() {}

    static byte[] build(int keyNo, int authenticatedKeyNo, byte[] oldKey, byte[] newKey, int keyVersion) {
        if (keyNo < 0 || keyNo >= Ntag424.KEY_COUNT) {
            throw new IllegalArgumentException("key number must be 0..4, got " + keyNo);
        }
        if (keyVersion < 0 || keyVersion > 0xFF) {
            throw new IllegalArgumentException("key version must be 0..255, got " + keyVersion);
        }
        if (newKey.length != 16) {
            throw new IllegalArgumentException("new key must be 16 bytes");
        }
        if (authenticatedKeyNo != 0) {
            // DS §10.6.1: only the AppMasterKey (key 0) may change keys with the factory KeyAR setting.
            throw new IllegalStateException("ChangeKey needs an authentication with key 0");
        }
        if (keyNo == authenticatedKeyNo) {
            byte[] data = new byte[17];
            System.arraycopy(newKey, 0, data, 0, 16);
            data[16] = (byte) keyVersion;
            return data;
        }
        if (oldKey == null || oldKey.length != 16) {
            throw new IllegalArgumentException("changing key " + keyNo + " needs its current key");
        }
        byte[] data = new byte[21];
        for (int i = 0; i < 16; i++) {
            data[i] = (byte) (newKey[i] ^ oldKey[i]);
        }
        data[16] = (byte) keyVersion;
        System.arraycopy(Crc32Nk.of(newKey), 0, data, 17, 4);
        return data;
    }
}
