package com.tagline.hardware.ntag424.sdm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Verifies a scanned NTAG 424 DNA SUN URL (DS §9.3; ntag424.md §8): decrypts PICCData with the
 * meta-read key (or reads plain uid/ctr mirrors), derives the SDM session keys from the file-read
 * key, checks SDMMAC in constant time and decrypts SDMENCFileData. With an ENC parameter the MAC
 * input runs from the start of its value to the start of the MAC value; without one it is empty.
 *
 * <p>Stateless. A URL whose parameters are missing or malformed is bad input
 * ({@link IllegalArgumentException}); a well-formed URL that fails a check is {@code valid=false}.
 */
public final class SunVerifier {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** Which query parameter carries what; null = auto-detect. */
    public record Names(String picc, String mac, String enc) {
        public static Names auto() {
            return new Names(null, null, null);
        }
    }

    private SunVerifier() {}

    public static SunResult verify(String url, byte[] metaKey, byte[] fileKey, Names names) {
        SunParameters params = SunParameters.parse(url);
        SunParameters.Value mac = params.find(names.mac(), SunParameters.MAC_NAMES)
                .orElseThrow(() -> new IllegalArgumentException("URL has no SDM MAC parameter ("
                        + (names.mac() != null ? names.mac() : String.join("/", SunParameters.MAC_NAMES)) + ")"));
        byte[] macBytes = hex(mac.text(), 8, "MAC");
        Optional<SunParameters.Value> picc = params.find(names.picc(), SunParameters.PICC_NAMES);
        Optional<SunParameters.Value> enc = params.find(names.enc(), SunParameters.ENC_NAMES);
        if (picc.isEmpty() && names.picc() != null) {
            throw new IllegalArgumentException("URL has no parameter " + names.picc());
        }
        if (enc.isEmpty() && names.enc() != null) {
            throw new IllegalArgumentException("URL has no parameter " + names.enc());
        }
        Identity id = picc.isPresent() ? decryptPicc(metaKey, hex(picc.get().text(), 16, "PICCData"))
                : plainMirrors(params);
        if (id == null) {
            return SunResult.invalid("PICCData did not decrypt to a valid tag byte (wrong meta-read key?)");
        }
        String macInput = enc.map(e -> url.substring(e.start(), mac.start())).orElse("");
        if (enc.isPresent() && mac.start() < enc.get().start()) {
            throw new IllegalArgumentException("the ENC parameter must come before the MAC parameter");
        }
        byte[] sesMac = SdmCrypto.sessionMacKey(fileKey, id.uid(), id.counter());
        byte[] expected = SdmCrypto.sdmMac(sesMac, macInput.getBytes(StandardCharsets.US_ASCII));
        boolean valid = MessageDigest.isEqual(expected, macBytes);
        String data = null;
        if (valid && enc.isPresent()) {
            data = decryptEnc(fileKey, id, enc.get().text());
        }
        return new SunResult(valid, id.uid(), id.counter(), data, valid ? null : "SDM MAC does not match");
    }

    private record Identity(byte[] uid, Integer counter) {}

    private static Identity decryptPicc(byte[] metaKey, byte[] encrypted) {
        try {
            PiccData p = SdmCrypto.decryptPiccData(metaKey, encrypted);
            return new Identity(p.uid(), p.readCounter());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Identity plainMirrors(SunParameters params) {
        Optional<SunParameters.Value> uid = params.find(null, SunParameters.UID_NAMES);
        Optional<SunParameters.Value> ctr = params.find(null, SunParameters.CTR_NAMES);
        if (uid.isEmpty() && ctr.isEmpty()) {
            throw new IllegalArgumentException("URL has neither a PICCData parameter ("
                    + String.join("/", SunParameters.PICC_NAMES) + ") nor uid/ctr mirrors");
        }
        byte[] u = uid.map(v -> hex(v.text(), 7, "UID")).orElse(null);
        Integer c = ctr.map(v -> {
            byte[] b = hex(v.text(), 3, "counter"); // ASCII mirror is MSB first (DS §9.3.3)
            return (b[0] & 0xFF) << 16 | (b[1] & 0xFF) << 8 | (b[2] & 0xFF);
        }).orElse(null);
        return new Identity(u, c);
    }

    private static String decryptEnc(byte[] fileKey, Identity id, String text) {
        if (id.uid() == null || id.counter() == null) {
            throw new IllegalArgumentException("ENC data needs both UID and counter mirrored");
        }
        if (text.length() == 0 || text.length() % 32 != 0) {
            throw new IllegalArgumentException("ENC parameter must be a multiple of 32 hex characters");
        }
        byte[] cipher = hex(text, text.length() / 2, "ENC");
        byte[] sesEnc = SdmCrypto.sessionEncKey(fileKey, id.uid(), id.counter());
        return HEX.formatHex(SdmCrypto.decryptFileData(sesEnc, id.counter(), cipher));
    }

    private static byte[] hex(String text, int bytes, String what) {
        if (text.length() != 2 * bytes) {
            throw new IllegalArgumentException(what + " must be " + (2 * bytes) + " hex characters, got "
                    + text.length());
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not hexadecimal: " + text);
        }
    }
}
