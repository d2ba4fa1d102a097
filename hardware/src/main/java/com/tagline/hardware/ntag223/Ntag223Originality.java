package com.tagline.hardware.ntag223;

import com.tagline.hardware.crypto.OriginalitySignature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Originality check for NTAG 22x DNA (ntag223.md §8): READ_SIG gives r ‖ s (24 + 24 bytes) of an
 * ECDSA signature on secp192r1 over the raw 7-byte UID (no hash). A simulated chip signs with a test
 * key, so the trust list takes extra keys.
 */
public final class Ntag223Originality {
    public static final String CURVE = "secp192r1";
    /**
     * NXP NTAG 22x DNA public key, the same for 223 and 224 (Proxmark3 originality.c, "ref: AN12998";
     * ntag223.md §8 [confirmed]).
     */
    public static final String NXP_NTAG22X_KEY = "0485D5B9353B4FAA77581BA2AE96630C5876D6E8603308ABE9"
            + "A81A0B506F52D02D04FEE6F2D365B3DEE7B9FAD9133E2976";

    private Ntag223Originality() {}

    /** A verifier trusting NXP's NTAG 22x key and {@code extraKeysHex} (uncompressed points on secp192r1). */
    public static OriginalitySignature trust(List<String> extraKeysHex) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(HexFormat.of().parseHex(NXP_NTAG22X_KEY));
        extraKeysHex.forEach(k -> keys.add(HexFormat.of().parseHex(k)));
        return OriginalitySignature.of(CURVE, keys);
    }

    /** A verifier trusting only NXP's NTAG 22x key. */
    public static OriginalitySignature nxp() {
        return trust(List.of());
    }
}
