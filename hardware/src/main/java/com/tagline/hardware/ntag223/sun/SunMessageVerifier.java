package com.tagline.hardware.ntag223.sun;

import com.tagline.hardware.ntag424.sdm.SunParameters;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Verifies a scanned NTAG 223 DNA SUN message (ntag223.md §6.2): recomputes the CMAC over
 * {@code UID ‖ CTR(MSB first) [‖ TT]} with the SUNCMAC_KEY and compares the 8 odd-indexed bytes in
 * constant time. A URL is searched for the message by query parameter (explicit name, else
 * {@link #AUTO_NAMES}) and, failing that, by the message's shape anywhere in the URL (a template may
 * put it in the path).
 *
 * <p>Stateless. Malformed input (no message, bad hex, wrong length) is {@link IllegalArgumentException};
 * a well-formed message whose MAC does not match is {@code valid=false}. Messages are uppercase hex as
 * the chip mirrors them.
 */
public final class SunMessageVerifier {
    /** Parameter names tried when none is given: the default template's, then Proxmark3's (§6.4). */
    public static final List<String> AUTO_NAMES = List.of("sun", "uid");

    private SunMessageVerifier() {}

    /** Checks a 38- or 49-character message. */
    public static SunMessageResult verify(String messageText, byte[] key) {
        return verify(SunMessage.parse(messageText), key);
    }

    public static SunMessageResult verify(SunMessage message, byte[] key) {
        byte[] expected = SunCmac.mac(key, message.uid(), message.counter(), message.tamper());
        boolean valid = MessageDigest.isEqual(expected, message.mac());
        return new SunMessageResult(valid, message, valid ? null : "SUN CMAC does not match the key");
    }

    /**
     * Finds the message in {@code url} and checks it.
     *
     * @param parameterName the query parameter holding the message, or null to auto-detect
     */
    public static SunMessageResult verifyUrl(String url, byte[] key, String parameterName) {
        return verify(findMessage(url, parameterName), key);
    }

    /** The message text in {@code url}; throws naming where it looked. */
    public static String findMessage(String url, String parameterName) {
        if (parameterName != null) {
            return SunParameters.parse(url).find(parameterName, List.of())
                    .orElseThrow(() -> new IllegalArgumentException("URL has no parameter " + parameterName))
                    .text();
        }
        Optional<String> named = url.contains("?")
                ? SunParameters.parse(url).find(null, AUTO_NAMES).map(SunParameters.Value::text)
                        .filter(v -> SunMessage.SHAPE.matcher(v).matches())
                : Optional.empty();
        if (named.isPresent()) {
            return named.get();
        }
        Matcher m = SunMessage.SHAPE.matcher(url);
        if (!m.find()) {
            throw new IllegalArgumentException("URL carries no NTAG 223 DNA SUN message (UIDxCTRx[TTx]MAC): " + url);
        }
        return m.group();
    }
}
