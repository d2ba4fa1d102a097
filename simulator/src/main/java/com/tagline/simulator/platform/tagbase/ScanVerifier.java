package com.tagline.simulator.platform.tagbase;

import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Keys;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag223.sun.SunMessageVerifier;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.ntag424.sdm.SunVerifier;
import com.tagline.hardware.tag.ChipProtocol;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the SUN message of a scan with the platform's copy of the master keys (platform-api §1.2
 * "Verify a scan"): the chip keys are diversified for the UID bound to the tag, the scanned URL is
 * rebuilt as the tag's URL + {@code ?} (or {@code &}) + the parameters unchanged, and the hardware
 * verifiers check it — NTAG 424 DNA with meta key {@value #META_KEY} and file key {@value #FILE_KEY}
 * ({@link SunTemplate#defaults()}, {@code picc_data}/{@code cmac}), NTAG 223 DNA with
 * {@link Ntag223Keys#sunKey(ChipKeys)} ({@code sun}). Counter and UID rules are the ledger's.
 *
 * <p>Stateless and thread-safe. Malformed parameters are an invalid scan, never an exception.
 */
final class ScanVerifier {
    static final int META_KEY = 1;
    static final int FILE_KEY = 2;

    /**
     * The checked message.
     *
     * @param macValid the MAC verifies with the bound chip's keys
     * @param uid      the UID the message carries (uppercase hex), or null
     * @param counter  the counter it carries, or null
     * @param reason   why it is not valid, null when the MAC verified
     */
    record Check(boolean macValid, String uid, Integer counter, String reason) {}

    private final MasterKeySet masterKeys;

    ScanVerifier(MasterKeySet masterKeys) {
        this.masterKeys = masterKeys;
    }

    Check check(ChipProtocol protocol, String tagUrl, String boundUid, Map<String, String> parameters) {
        ChipKeys keys = masterKeys.diversify(HexFormat.of().parseHex(boundUid));
        String url = tagUrl + (tagUrl.contains("?") ? "&" : "?") + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        try {
            return switch (protocol) {
                case NTAG_424_DNA -> ntag424(url, keys);
                case NTAG_223_DNA -> ntag223(url, keys);
            };
        } catch (IllegalArgumentException e) {
            return new Check(false, null, null, "malformed SUN parameters: " + e.getMessage());
        }
    }

    private static Check ntag424(String url, ChipKeys keys) {
        SunResult r = SunVerifier.verify(url, keys.key(META_KEY), keys.key(FILE_KEY), SunVerifier.Names.auto());
        return new Check(r.valid(), r.uidHex(), r.counter(), r.reason());
    }

    private static Check ntag223(String url, ChipKeys keys) {
        SunMessageResult r = SunMessageVerifier.verifyUrl(url, Ntag223Keys.sunKey(keys), null);
        return new Check(r.valid(), r.uidHex(), r.counter(), r.reason());
    }
}
