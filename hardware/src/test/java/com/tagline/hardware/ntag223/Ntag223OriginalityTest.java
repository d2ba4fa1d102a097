package com.tagline.hardware.ntag223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.OriginalitySignature;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/** READ_SIG verification on secp192r1 over the raw UID (ntag223.md §8). */
class Ntag223OriginalityTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] UID = HEX.parseHex("04AA2BD2335780");
    private static final X9ECParameters P192 = CustomNamedCurves.getByName("secp192r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(P192.getCurve(), P192.getG(), P192.getN(), P192.getH());
    private static final BigInteger TEST_D = new BigInteger(1, "ntag223-host-test".getBytes());

    private static byte[] sign(byte[] uid) {
        ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        s.init(true, new ECPrivateKeyParameters(TEST_D, DOMAIN));
        BigInteger[] rs = s.generateSignature(uid);
        byte[] out = new byte[48];
        System.arraycopy(BigIntegers.asUnsignedByteArray(24, rs[0]), 0, out, 0, 24);
        System.arraycopy(BigIntegers.asUnsignedByteArray(24, rs[1]), 0, out, 24, 24);
        return out;
    }

    private static String testPublicKey() {
        return HEX.formatHex(DOMAIN.getG().multiply(TEST_D).normalize().getEncoded(false));
    }

    @Test
    void nxpKeyIsAPointOnSecp192r1AndSignaturesAre48Bytes() {
        // ntag223.md §8: 49-byte uncompressed NXP NTAG 22x key (Proxmark3, "ref: AN12998").
        OriginalitySignature nxp = Ntag223Originality.nxp();
        assertEquals("secp192r1", nxp.curveName());
        assertEquals(48, nxp.signatureLength());
        assertEquals(98, Ntag223Originality.NXP_NTAG22X_KEY.length());
        assertFalse(nxp.verify(UID, sign(UID)), "a test signature is not NXP's");
    }

    @Test
    void extraKeysAreTrustedAndBindTheUid() {
        OriginalitySignature trust = Ntag223Originality.trust(List.of(testPublicKey()));
        byte[] sig = sign(UID);
        assertTrue(trust.verify(UID, sig));
        byte[] otherUid = UID.clone();
        otherUid[6] ^= 1;
        assertFalse(trust.verify(otherUid, sig));
        sig[47] ^= 1;
        assertFalse(trust.verify(UID, sig));
        assertFalse(trust.verify(UID, new byte[32]), "NTAG21x-sized signature");
    }

    @Test
    void hostVerifiesReadSigOverTheAnticollisionUid() {
        ScriptedType2Link link = new ScriptedType2Link("04AA2BD2335780").expect("3C00", HEX.formatHex(sign(UID)));
        assertTrue(new Ntag223(link).verifyOriginality(Ntag223Originality.trust(List.of(testPublicKey()))));
        link.assertDone();
    }
}
