package com.tagline.hardware.ntag424;

import com.tagline.hardware.crypto.Aes;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The two-pass EV2 authentications of DS §10.4.1/§10.4.2 (ntag424.md §3.1): decrypt RndB, answer
 * E(RndA ‖ RndB'), check RndA' and derive the session keys. RndA comes from a {@link SecureRandom}
 * unless a test supplies it.
 */
final class Ev2Authenticator {
    static final int INS_AUTH_EV2_FIRST = 0x71;
    static final int INS_AUTH_EV2_NON_FIRST = 0x77;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ntag424 chip;
    private Supplier<byte[]> rndA = () -> {
        byte[] r = new byte[16];
        RANDOM.nextBytes(r);
        return r;
    };

    Ev2Authenticator(Ntag424 chip) {
        this.chip = chip;
    }

    /** Tests replaying published transcripts fix RndA. */
    void rndASource(Supplier<byte[]> source) {
        this.rndA = source;
    }

    Ev2Session first(int keyNo, byte[] key) {
        checkKeyNo(keyNo);
        // Part 1 with LenCap 00: 90 71 00 00 02 KeyNo 00 00 (ntag424.md §2).
        byte[] rndB = partOne("AuthenticateEV2First", INS_AUTH_EV2_FIRST, new byte[] {(byte) keyNo, 0x00}, key);
        byte[] a = rndA.get();
        byte[] plain = partTwo("AuthenticateEV2First", key, a, rndB, 32);
        byte[] ti = Arrays.copyOfRange(plain, 0, 4);
        checkRndA(a, Arrays.copyOfRange(plain, 4, 20));
        return new Ev2Session(Ev2SessionKeys.derive(key, a, rndB), ti, keyNo, 0);
    }

    Ev2Session nonFirst(Ev2Session current, int keyNo, byte[] key) {
        checkKeyNo(keyNo);
        byte[] rndB = partOne("AuthenticateEV2NonFirst", INS_AUTH_EV2_NON_FIRST, new byte[] {(byte) keyNo}, key);
        byte[] a = rndA.get();
        byte[] plain = partTwo("AuthenticateEV2NonFirst", key, a, rndB, 16);
        checkRndA(a, plain);
        return current.continueWith(Ev2SessionKeys.derive(key, a, rndB), keyNo);
    }

    private byte[] partOne(String name, int ins, byte[] data, byte[] key) {
        Apdu.Response r = Apdu.Response.parse(chip.transceive(Apdu.nativeCommand(ins, data)));
        if (!r.is(StatusWord.ADDITIONAL_FRAME)) {
            throw new ChipStatusException(name, r.sw());
        }
        if (r.data().length != 16) {
            throw new SecureMessagingException(name + " part 1 answered " + r.data().length
                    + " bytes instead of 16 (an LRP-enabled chip answers 17)");
        }
        return Aes.cbcDecryptZeroIv(key, r.data());
    }

    private byte[] partTwo(String name, byte[] key, byte[] a, byte[] rndB, int expected) {
        byte[] cryptogram = Aes.cbcEncryptZeroIv(key, Ev2SessionKeys.concat(a, Ev2SessionKeys.rotateLeft(rndB)));
        Apdu.Response r = Apdu.Response.parse(
                chip.transceive(Apdu.nativeCommand(Ntag424.INS_ADDITIONAL_FRAME, cryptogram)));
        if (!r.is(StatusWord.OPERATION_OK)) {
            throw new ChipStatusException(name, r.sw());
        }
        if (r.data().length != expected) {
            throw new SecureMessagingException(name + " part 2 answered " + r.data().length + " bytes");
        }
        return Aes.cbcDecryptZeroIv(key, r.data());
    }

    private static void checkRndA(byte[] a, byte[] rndAPrime) {
        if (!MessageDigest.isEqual(Ev2SessionKeys.rotateRight(rndAPrime), a)) {
            throw new SecureMessagingException("chip did not prove knowledge of the key (RndA' mismatch)");
        }
    }

    private static void checkKeyNo(int keyNo) {
        if (keyNo < 0 || keyNo >= Ntag424.KEY_COUNT) {
            throw new IllegalArgumentException("key number must be 0..4, got " + keyNo);
        }
    }
}
