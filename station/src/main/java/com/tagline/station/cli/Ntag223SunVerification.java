package com.tagline.station.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.hardware.ntag223.sun.SunMessage;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag223.sun.SunMessageVerifier;
import com.tagline.hardware.ntag424.sdm.SunParameters;

/**
 * The NTAG 223 DNA form of {@code sun-verify} (ntag223.md §6.1–§6.2): finds the SUN message in a
 * scanned URL — the named query parameter, or else the first query value in URL order that has the
 * message's shape {@code UIDxCTRx[TTx]MAC} — and checks its CMAC with the SUNCMAC_KEY. Stateless.
 * Malformed input is {@link IllegalArgumentException} (exit 2).
 */
final class Ntag223SunVerification {
    private Ntag223SunVerification() {}

    static SunMessageResult verify(String url, byte[] key, String parameterName) {
        String message = parameterName != null ? SunMessageVerifier.findMessage(url, parameterName)
                : firstShapedValue(url);
        return SunMessageVerifier.verify(message, key);
    }

    /** The first query value, in URL order, that is a whole SUN message. */
    static String firstShapedValue(String url) {
        SunParameters.parse(url); // absolute URL with a query, else IllegalArgumentException
        int q = url.indexOf('?');
        int end = url.indexOf('#', q);
        String query = url.substring(q + 1, end < 0 ? url.length() : end);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (SunMessage.SHAPE.matcher(value).matches()) {
                return value;
            }
        }
        throw new IllegalArgumentException("no query value has the NTAG 223 DNA SUN message shape"
                + " (UIDxCTRx[TTx]MAC, 38 or 49 characters): " + url);
    }

    /** {@code {valid, uid, counter[, tamper][, reason]}}; the key is never part of it. */
    static String toJson(SunMessageResult r) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("valid", r.valid());
        o.put("uid", r.uidHex());
        o.put("counter", r.counter());
        if (r.tamper() != null) {
            o.put("tamper", r.tamper().text());
        }
        if (!r.valid() && r.reason() != null) {
            o.put("reason", r.reason());
        }
        return o.toString();
    }
}
