package com.tagline.hardware.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/** NXP originality signature (ntag424.md §9). */
class OriginalitySignatureTest {
    private static final HexFormat HEX = HexFormat.of();
    // AN12196 rev 2.0 §7 / rev 1.8 §8 example (ntag424.md §9): UID and Read_Sig signature r ‖ s.
    private static final byte[] AN12196_UID = HEX.parseHex("04518DFAA96180");
    private static final byte[] AN12196_SIG = HEX.parseHex(
            "D1940D17CFEDA4BFF80359AB975F9F6514313E8F90C1D3CAAF5941AD744A1CDF"
            + "9A83F883CAFE0FE95D1939B1B7E47113993324473B785D21");

    @Test
    void an12196ExampleVerifiesWithBuiltInKeys() {
        // AN12196 rev 2.0 §7 / rev 1.8 §8 (ntag424.md §9): valid with the 048A9B38… key.
        OriginalitySignature v = OriginalitySignature.ntag424(List.of());
        assertEquals("secp224r1", v.curveName());
        assertEquals(56, v.signatureLength());
        assertEquals(56, AN12196_SIG.length);
        assertTrue(v.verify(AN12196_UID, AN12196_SIG));
    }

    @Test
    void an12196ExampleVerifiesWithTheNtag424KeyOnly() {
        // ntag424.md §9: the AN12196 example verifies with NXP key 048A9B38… (Proxmark3 originality.c,
        // "ref: AN12196") and does NOT verify against the 04B304DC… DESFire EV2 key.
        OriginalitySignature ntag = OriginalitySignature.of("secp224r1",
                List.of(HEX.parseHex(OriginalitySignature.NXP_NTAG424_KEY)));
        OriginalitySignature desfire = OriginalitySignature.of("secp224r1",
                List.of(HEX.parseHex(OriginalitySignature.NXP_DESFIRE_EV2_KEY)));
        assertTrue(ntag.verify(AN12196_UID, AN12196_SIG));
        assertFalse(desfire.verify(AN12196_UID, AN12196_SIG));
    }

    @Test
    void flippedBitFails() {
        // AN12196 rev 2.0 §7 example with single-bit corruptions.
        OriginalitySignature v = OriginalitySignature.ntag424(List.of());
        for (int bit : new int[] {0, 7, 200, 223, 224, 300, 447}) {
            byte[] sig = AN12196_SIG.clone();
            sig[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(v.verify(AN12196_UID, sig), "signature bit " + bit);
        }
        byte[] uid = AN12196_UID.clone();
        uid[6] ^= 0x01;
        assertFalse(v.verify(uid, AN12196_SIG), "UID bit flipped");
    }

    @Test
    void wrongLengthFails() {
        OriginalitySignature v = OriginalitySignature.ntag424(List.of());
        assertFalse(v.verify(AN12196_UID, Arrays.copyOf(AN12196_SIG, 55)));
        byte[] longer = Arrays.copyOf(AN12196_SIG, 57);
        assertFalse(v.verify(AN12196_UID, longer));
        assertFalse(v.verify(AN12196_UID, new byte[0]));
        // secp224r1 signature padded to the 64 bytes of an encrypted Read_Sig block.
        assertFalse(v.verify(AN12196_UID, Arrays.copyOf(AN12196_SIG, 64)));
    }

    @Test
    void freshTestKeyPairSignsAndVerifies() {
        // ntag424.md §14: a simulated chip signs with a test key pair; the trust list decides.
        AsymmetricCipherKeyPair pair = testKeyPair();
        byte[] publicKey = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
        byte[] uid = HEX.parseHex("04DE5F1EACC040");
        byte[] sig = sign(pair, uid);

        OriginalitySignature testOnly = OriginalitySignature.of("secp224r1", List.of(publicKey));
        assertTrue(testOnly.verify(uid, sig));
        assertFalse(testOnly.verify(AN12196_UID, sig), "signature is bound to the UID");
        assertFalse(testOnly.verify(AN12196_UID, AN12196_SIG), "NXP signature not trusted by a test-only list");

        assertFalse(OriginalitySignature.ntag424(List.of()).verify(uid, sig), "test key not trusted by default");
        OriginalitySignature extended = OriginalitySignature.ntag424(List.of(HEX.formatHex(publicKey)));
        assertTrue(extended.verify(uid, sig));
        assertTrue(extended.verify(AN12196_UID, AN12196_SIG));
    }

    @Test
    void everyTrustedKeyStillVerifiesWhateverKeyVerifiedLast() {
        // The last key that verified is tried first (one ECDSA verification per chip on a line); the order
        // must never change the answer. AN12196's NXP signature, then a test key's, then NXP's again.
        AsymmetricCipherKeyPair pair = testKeyPair();
        byte[] uid = HEX.parseHex("04DE5F1EACC040");
        byte[] sig = sign(pair, uid);
        OriginalitySignature v = OriginalitySignature.ntag424(
                List.of(HEX.formatHex(((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false))));

        assertTrue(v.verify(AN12196_UID, AN12196_SIG));
        assertTrue(v.verify(uid, sig));
        assertTrue(v.verify(uid, sig));
        assertTrue(v.verify(AN12196_UID, AN12196_SIG));
        assertFalse(v.verify(uid, AN12196_SIG), "a signature over another UID fails with every key");
        assertTrue(v.verify(uid, sig));
        assertFalse(OriginalitySignature.of("secp224r1", List.of()).verify(uid, sig), "an empty list trusts nothing");
    }

    @Test
    void keyNotOnTheCurveIsRejected() {
        byte[] bad = HEX.parseHex(OriginalitySignature.NXP_NTAG424_KEY);
        bad[bad.length - 1] ^= 0x01;
        assertThrows(IllegalArgumentException.class, () -> OriginalitySignature.of("secp224r1", List.of(bad)));
    }

    /** A fresh secp224r1 key pair, as a simulated chip signs with (ntag424.md §14). */
    private static AsymmetricCipherKeyPair testKeyPair() {
        X9ECParameters curve = CustomNamedCurves.getByName("secp224r1");
        ECDomainParameters domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
        ECKeyPairGenerator gen = new ECKeyPairGenerator();
        gen.init(new ECKeyGenerationParameters(domain, new SecureRandom()));
        return gen.generateKeyPair();
    }

    /** ECDSA over the raw UID, r ‖ s, 28 bytes each (the Read_Sig layout). */
    private static byte[] sign(AsymmetricCipherKeyPair pair, byte[] uid) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, pair.getPrivate());
        BigInteger[] rs = signer.generateSignature(uid);
        byte[] sig = new byte[56];
        System.arraycopy(BigIntegers.asUnsignedByteArray(28, rs[0]), 0, sig, 0, 28);
        System.arraycopy(BigIntegers.asUnsignedByteArray(28, rs[1]), 0, sig, 28, 28);
        return sig;
    }
}
