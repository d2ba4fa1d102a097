package com.tagline.simulator.ntag424;

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
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The key pair a simulated chip signs its UID with for Read_Sig (DS §10.10.1; AN12196 §7; ntag424.md §9):
 * ECDSA on secp224r1 over the raw 7-byte UID used directly as the hash, with deterministic k (RFC 6979,
 * HMAC-SHA-256), answered as r ‖ s, each 28 bytes big-endian unsigned. A simulated UID cannot carry an
 * NXP signature, so hosts add {@link #publicKeyHex()} to their trusted originality keys
 * ({@code OriginalitySignature.ntag424(List.of(hex))}).
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows only the public key.
 */
public final class OriginalityKeyPair {
    public static final String CURVE = "secp224r1";
    /**
     * Public key of {@link #test()} as an uncompressed point, for configuration files that list trusted
     * originality keys (a test checks it against the computed value).
     */
    public static final String TEST_PUBLIC_KEY_HEX = "04569439A7F4BDF4309EE70D5363939C7AC586D91C164CE4B8F762"
            + "8DF1023FA6B1E00CD70B7C69E8E2A108B4D6354277DC5D83156E0EC823B6";
    private static final int FIELD_BYTES = 28;
    /**
     * Private scalar of the TEST key: the ASCII bytes of "tagline-simulator-test-key" as an unsigned
     * integer (208 bits, below the curve order). It is published here, so it proves nothing outside tests.
     */
    private static final BigInteger TEST_SCALAR =
            new BigInteger(1, "tagline-simulator-test-key".getBytes(StandardCharsets.US_ASCII));
    private static final ECDomainParameters DOMAIN = secp224r1();

    private final ECPrivateKeyParameters privateKey;
    private final ECPublicKeyParameters publicKey;

    private OriginalityKeyPair(ECPrivateKeyParameters privateKey) {
        if (!privateKey.getParameters().getCurve().equals(DOMAIN.getCurve())) {
            throw new IllegalArgumentException("originality key must be on " + CURVE);
        }
        this.privateKey = privateKey;
        ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), privateKey.getD()).normalize();
        this.publicKey = new ECPublicKeyParameters(q, DOMAIN);
    }

    /** The deterministic TEST key pair; its public key is {@link #test()}{@code .publicKeyHex()}. */
    public static OriginalityKeyPair test() {
        return new OriginalityKeyPair(new ECPrivateKeyParameters(TEST_SCALAR, DOMAIN));
    }

    /** A key pair from a private key on secp224r1 (see {@link #domain()}). */
    public static OriginalityKeyPair of(ECPrivateKeyParameters privateKey) {
        return new OriginalityKeyPair(privateKey);
    }

    /** secp224r1 domain parameters, for building an {@link ECPrivateKeyParameters}. */
    public static ECDomainParameters domain() {
        return DOMAIN;
    }

    public ECPublicKeyParameters publicKey() {
        return publicKey;
    }

    /** The public key as an uncompressed point {@code 04 ‖ X ‖ Y}, 114 uppercase hex characters. */
    public String publicKeyHex() {
        return HexFormat.of().withUpperCase().formatHex(publicKey.getQ().getEncoded(false));
    }

    /** The 56-byte signature r ‖ s over {@code uid} (the UID is the hash, no digest applied). */
    public byte[] sign(byte[] uid) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(uid);
        byte[] out = new byte[2 * FIELD_BYTES];
        put(rs[0], out, 0);
        put(rs[1], out, FIELD_BYTES);
        return out;
    }

    private static void put(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray(); // may carry a leading sign byte or be shorter than 28
        int len = Math.min(b.length, FIELD_BYTES);
        System.arraycopy(b, b.length - len, out, offset + FIELD_BYTES - len, len);
    }

    private static ECDomainParameters secp224r1() {
        X9ECParameters curve = CustomNamedCurves.getByName(CURVE);
        return new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    }

    @Override
    public String toString() {
        return "OriginalityKeyPair[" + CURVE + ", public=" + publicKeyHex() + "]";
    }
}
