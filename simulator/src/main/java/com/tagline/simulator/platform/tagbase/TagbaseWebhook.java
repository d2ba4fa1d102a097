package com.tagline.simulator.platform.tagbase;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the emulator POSTs its events and how it signs them (platform-api §1.3, Standard Webhooks):
 * {@code webhook-signature: v1,<base64 HMAC-SHA256(secret bytes, id + "." + timestamp + "." + body)>},
 * the secret given as {@code whsec_<base64>}. Immutable; {@code toString} never shows the secret.
 *
 * @param url    an {@code http} or {@code https} URL
 * @param secret the secret's bytes (the base64 after {@code whsec_}, decoded)
 */
public record TagbaseWebhook(URI url, byte[] secret) {
    public static final String SECRET_PREFIX = "whsec_";

    public TagbaseWebhook {
        if (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
            throw new IllegalArgumentException("webhook URL must be an absolute http(s) URL, got " + url);
        }
        if (secret.length == 0) {
            throw new IllegalArgumentException("webhook secret must not be empty");
        }
        secret = secret.clone();
    }

    /**
     * @param url    the receiver's URL
     * @param secret {@code whsec_} followed by standard base64
     * @throws IllegalArgumentException naming what is wrong, never echoing the secret
     */
    public static TagbaseWebhook parse(String url, String secret) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook URL is not a URL: " + e.getMessage());
        }
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("webhook secret must start with " + SECRET_PREFIX);
        }
        try {
            return new TagbaseWebhook(uri, Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("webhook")) {
                throw e;
            }
            throw new IllegalArgumentException("webhook secret after " + SECRET_PREFIX + " is not base64");
        }
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The {@code webhook-signature} header value for one delivery attempt. */
    public String sign(String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "TagbaseWebhook[url=" + url + ", secret redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagbaseWebhook w && url.equals(w.url) && java.util.Arrays.equals(secret, w.secret);
    }

    @Override
    public int hashCode() {
        return url.hashCode() * 31 + java.util.Arrays.hashCode(secret);
    }
}
