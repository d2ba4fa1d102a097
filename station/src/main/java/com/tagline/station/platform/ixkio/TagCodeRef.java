package com.tagline.station.platform.ixkio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which tag code a PATCH addresses (platform-api §2.1): by XUID ({@code /v1/x/{xuid}}), or by the
 * account's AID ({@code /v1/a/{aid}}) with the CUID in {@code ix_c} (case-sensitive, sent as given) or
 * the UID in {@code ix_u} (always sent uppercase: the platform does not find a lowercase UID).
 */
public sealed interface TagCodeRef {
    /** The path below the API base, segments percent-encoded. */
    String path();

    /** The lookup header, if any. */
    Map<String, String> headers();

    static TagCodeRef xuid(String xuid) {
        return new ByXuid(xuid);
    }

    static TagCodeRef cuid(String aid, String cuid) {
        return new ByCuid(aid, cuid);
    }

    static TagCodeRef uid(String aid, String uid) {
        return new ByUid(aid, uid);
    }

    record ByXuid(String xuid) implements TagCodeRef {
        public ByXuid {
            requireText(xuid, "xuid");
        }

        @Override
        public String path() {
            return "/x/" + segment(xuid);
        }

        @Override
        public Map<String, String> headers() {
            return Map.of();
        }
    }

    record ByCuid(String aid, String cuid) implements TagCodeRef {
        public ByCuid {
            requireText(aid, "aid");
            requireText(cuid, "cuid");
        }

        @Override
        public String path() {
            return "/a/" + segment(aid);
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("ix_c", cuid);
        }
    }

    /** @param uid chip UID in hex, any case; kept uppercase */
    record ByUid(String aid, String uid) implements TagCodeRef {
        private static final Pattern HEX = Pattern.compile("([0-9A-F]{2})+");

        public ByUid {
            requireText(aid, "aid");
            requireText(uid, "uid");
            uid = uid.toUpperCase(Locale.ROOT);
            if (!HEX.matcher(uid).matches()) {
                throw new IllegalArgumentException("uid must be whole bytes of hex, was '" + uid + "'");
            }
        }

        @Override
        public String path() {
            return "/a/" + segment(aid);
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("ix_u", uid);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
