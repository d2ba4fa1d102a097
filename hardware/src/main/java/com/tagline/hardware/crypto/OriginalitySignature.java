package com.tagline.hardware.crypto;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * NXP originality signature check: ECDSA over the raw UID, used directly as the hash
 * (NTAG 424 DNA DS §10.10, AN12196 §7; NTAG 22x uses secp192r1). Bouncy Castle's lightweight API
 * is used because SunEC on JDK 17 fails legacy curves at verify() (libraries.md §6.1, JDK-8235710).
 *
 * <p>Holds a list of trusted public keys: NXP's built-in ones plus any configured ones (a simulated
 * chip signs with a test key, and the trust list decides). The trusted keys are fixed; thread-safe.
 */
public final class OriginalitySignature {
    /** NXP NTAG 424 DNA key, verified by the AN12196 example (Proxmark3 originality.c, "ref: AN12196"). */
    public static final String NXP_NTAG424_KEY =
            "048A9B380AF2EE1B98DC417FECC263F8449C7625CECE82D9B916C992DA209D68422B81EC20B65A66B5102A61596AF3379200599316A00A1410";
    /** NXP key Proxmark3 lists for NTAG424DNA/TT and DESFire EV2 [public code]; accepted as well (ntag424.md §9). */
    public static final String NXP_DESFIRE_EV2_KEY =
            "04B304DC4C615F5326FE9383DDEC9AA892DF3A57FA7FFB3276192BC0EAA252ED45A865E3B093A3D0DCE5BE29E92F1392CE7DE321E3E5C52B3A";

    private final String curveName;
    private final ECDomainParameters domain;
    private final List<ECPublicKeyParameters> trusted;
    /** Index of the key that verified last: a hint for the order of the next verification. */
    private volatile int lastVerified;

    private OriginalitySignature(String curveName, List<byte[]> publicKeys) {
        this.curveName = curveName;
        X9ECParameters curve = CustomNamedCurves.getByName(curveName);
        this.domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
        List<ECPublicKeyParameters> keys = new ArrayList<>();
        for (byte[] pub : publicKeys) {
            try {
                keys.add(new ECPublicKeyParameters(domain.getCurve().decodePoint(pub), domain));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trusted originality key is not a point on " + curveName, e);
            }
        }
        this.trusted = List.copyOf(keys);
    }

    /** NTAG 424 DNA verifier trusting NXP's keys and the given extra keys (uncompressed points, hex). */
    public static OriginalitySignature ntag424(List<String> extraTrustedKeysHex) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(HexFormat.of().parseHex(NXP_NTAG424_KEY));
        keys.add(HexFormat.of().parseHex(NXP_DESFIRE_EV2_KEY));
        extraTrustedKeysHex.forEach(k -> keys.add(HexFormat.of().parseHex(k)));
        return new OriginalitySignature("secp224r1", keys);
    }

    /** A verifier over any named curve with exactly the given keys (used by tests and other chip kinds). */
    public static OriginalitySignature of(String curveName, List<byte[]> publicKeys) {
        return new OriginalitySignature(curveName, publicKeys);
    }

    public String curveName() {
        return curveName;
    }

    /** Signature length in bytes: r || s, each the size of the curve order. */
    public int signatureLength() {
        return 2 * fieldBytes();
    }

    private int fieldBytes() {
        return (domain.getN().bitLength() + 7) / 8;
    }

    /**
     * True when any trusted key verifies {@code signature} (r || s) over the raw {@code uid}. The key that
     * verified last is tried first: chips of one reel share a key, so a line pays one ECDSA verification per
     * chip instead of one per key ahead of theirs in the list (issue 13). The hint is only an order: every
     * trusted key is still tried before a signature is refused, and a race between threads costs at most a
     * few extra verifications.
     */
    public boolean verify(byte[] uid, byte[] signature) {
        int half = fieldBytes();
        if (signature.length != 2 * half || trusted.isEmpty()) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, half));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, half, 2 * half));
        int first = lastVerified;
        if (verifies(trusted.get(first), uid, r, s)) {
            return true;
        }
        for (int i = 0; i < trusted.size(); i++) {
            if (i != first && verifies(trusted.get(i), uid, r, s)) {
                lastVerified = i;
                return true;
            }
        }
        return false;
    }

    private static boolean verifies(ECPublicKeyParameters key, byte[] uid, BigInteger r, BigInteger s) {
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, key);
        return signer.verifySignature(uid, r, s);
    }
}
