package com.tagline.simulator.ntag223;

import com.tagline.hardware.ntag223.Ntag223Originality;
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
 * The key pair a simulated NTAG 223 DNA signs its UID with for READ_SIG (ntag223.md §8): ECDSA on
 * secp192r1 over the raw 7-byte UID used directly as the hash, deterministic k (RFC 6979,
 * HMAC-SHA-256), answered as r ‖ s, 24 bytes each, big-endian unsigned. A simulated UID cannot carry
 * an NXP signature, so hosts add {@link #publicKeyHex()} to their trust list
 * ({@code Ntag223Originality.trust(List.of(hex))}).
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows only the public key.
 */
public final class Ntag223OriginalityKeyPair {
    public static final String CURVE = Ntag223Originality.CURVE;
    private static final int FIELD_BYTES = 24;
    /**
     * Private scalar of the TEST key: the ASCII bytes of "tagline-ntag223-test" as an unsigned integer
     * (160 bits, below the curve order). It is published here, so it proves nothing outside tests.
     */
    private static final BigInteger TEST_SCALAR =
            new BigInteger(1, "tagline-ntag223-test".getBytes(StandardCharsets.US_ASCII));
    private static final ECDomainParameters DOMAIN = secp192r1();

    private final ECPrivateKeyParameters privateKey;
    private final ECPublicKeyParameters publicKey;

    private Ntag223OriginalityKeyPair(ECPrivateKeyParameters privateKey) {
        if (!privateKey.getParameters().getCurve().equals(DOMAIN.getCurve())) {
            throw new IllegalArgumentException("originality key must be on " + CURVE);
        }
        this.privateKey = privateKey;
        this.publicKey = new ECPublicKeyParameters(
                new FixedPointCombMultiplier().multiply(DOMAIN.getG(), privateKey.getD()).normalize(), DOMAIN);
    }

    /** The deterministic TEST key pair. */
    public static Ntag223OriginalityKeyPair test() {
        return new Ntag223OriginalityKeyPair(new ECPrivateKeyParameters(TEST_SCALAR, DOMAIN));
    }

    /** A key pair from a private key on secp192r1 (see {@link #domain()}). */
    public static Ntag223OriginalityKeyPair of(ECPrivateKeyParameters privateKey) {
        return new Ntag223OriginalityKeyPair(privateKey);
    }

    public static ECDomainParameters domain() {
        return DOMAIN;
    }

    public ECPublicKeyParameters publicKey() {
        return publicKey;
    }

    /** The public key as an uncompressed point {@code 04 ‖ X ‖ Y}, 98 uppercase hex characters. */
    public String publicKeyHex() {
        return HexFormat.of().withUpperCase().formatHex(publicKey.getQ().getEncoded(false));
    }

    /** The 48-byte signature r ‖ s over {@code uid} (the UID is the hash, no digest applied). */
    public byte[] sign(byte[] uid) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(uid);
        byte[] out = new byte[2 * FIELD_BYTES];
        System.arraycopy(BigIntegers.asUnsignedByteArray(FIELD_BYTES, rs[0]), 0, out, 0, FIELD_BYTES);
        System.arraycopy(BigIntegers.asUnsignedByteArray(FIELD_BYTES, rs[1]), 0, out, FIELD_BYTES, FIELD_BYTES);
        return out;
    }

    private static ECDomainParameters secp192r1() {
        X9ECParameters curve = CustomNamedCurves.getByName(CURVE);
        return new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    }

    @Override
    public String toString() {
        return "Ntag223OriginalityKeyPair[" + CURVE + ", public=" + publicKeyHex() + "]";
    }
}
