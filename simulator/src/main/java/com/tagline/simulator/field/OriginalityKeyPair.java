package com.tagline.simulator.field;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * The key pair a simulated chip signs its UID with for its originality signature: ECDSA over the raw
 * 7-byte UID used directly as the hash, deterministic k (RFC 6979, HMAC-SHA-256), answered as r ‖ s,
 * each the size of the curve order, big-endian unsigned. NTAG 424 DNA uses secp224r1 (DS §10.10.1,
 * AN12196 §7; ntag424.md §9), NTAG 22x DNA secp192r1 (ntag223.md §8).
 *
 * <p>A simulated UID cannot carry an NXP signature, so hosts add {@link #publicKeyHex()} to their
 * trust list. Immutable and thread-safe; {@link #toString()} shows only the public key.
 */
public final class OriginalityKeyPair {
    public static final String SECP224R1 = "secp224r1";
    public static final String SECP192R1 = "secp192r1";
    /** Public key of {@link #ntag424Test()}, for configuration files that list trusted keys (a test checks it). */
    public static final String NTAG424_TEST_PUBLIC_KEY_HEX = "04569439A7F4BDF4309EE70D5363939C7AC586D91C164CE4B8F762"
            + "8DF1023FA6B1E00CD70B7C69E8E2A108B4D6354277DC5D83156E0EC823B6";

    private final ECPrivateKeyParameters privateKey;
    private final ECPublicKeyParameters publicKey;
    private final String curve;

    private OriginalityKeyPair(String curve, ECPrivateKeyParameters privateKey) {
        this.curve = curve;
        this.privateKey = privateKey;
        ECDomainParameters domain = privateKey.getParameters();
        this.publicKey = new ECPublicKeyParameters(
                new FixedPointCombMultiplier().multiply(domain.getG(), privateKey.getD()).normalize(), domain);
    }

    /**
     * The NTAG 424 DNA TEST key: private scalar = the ASCII bytes of "tagline-simulator-test-key" (208
     * bits, below the secp224r1 order). Published here, so it proves nothing outside tests.
     */
    public static OriginalityKeyPair ntag424Test() {
        return fromAscii(SECP224R1, "tagline-simulator-test-key");
    }

    /** The NTAG 223 DNA TEST key: scalar = ASCII "tagline-ntag223-test" (160 bits) on secp192r1. */
    public static OriginalityKeyPair ntag223Test() {
        return fromAscii(SECP192R1, "tagline-ntag223-test");
    }

    private static OriginalityKeyPair fromAscii(String curve, String secret) {
        return of(curve, new BigInteger(1, secret.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A key pair from a private scalar on a named curve (1 ≤ d &lt; order). */
    public static OriginalityKeyPair of(String curve, BigInteger privateScalar) {
        ECDomainParameters domain = domain(curve);
        if (privateScalar.signum() <= 0 || privateScalar.compareTo(domain.getN()) >= 0) {
            throw new IllegalArgumentException("originality private key must be in 1..order-1 of " + curve);
        }
        return new OriginalityKeyPair(curve, new ECPrivateKeyParameters(privateScalar, domain));
    }

    public static ECDomainParameters domain(String curve) {
        X9ECParameters p = CustomNamedCurves.getByName(curve);
        if (p == null) {
            throw new IllegalArgumentException("unknown curve " + curve);
        }
        return new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
    }

    public String curve() {
        return curve;
    }

    public ECPublicKeyParameters publicKey() {
        return publicKey;
    }

    /** The public key as an uncompressed point {@code 04 ‖ X ‖ Y}, uppercase hex. */
    public String publicKeyHex() {
        return HexFormat.of().withUpperCase().formatHex(publicKey.getQ().getEncoded(false));
    }

    /** The signature r ‖ s over {@code uid} (the UID is the hash, no digest applied). */
    public byte[] sign(byte[] uid) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(uid);
        int half = (privateKey.getParameters().getN().bitLength() + 7) / 8;
        byte[] out = new byte[2 * half];
        System.arraycopy(BigIntegers.asUnsignedByteArray(half, rs[0]), 0, out, 0, half);
        System.arraycopy(BigIntegers.asUnsignedByteArray(half, rs[1]), 0, out, half, half);
        return out;
    }

    @Override
    public String toString() {
        return "OriginalityKeyPair[" + curve + ", public=" + publicKeyHex() + "]";
    }
}
