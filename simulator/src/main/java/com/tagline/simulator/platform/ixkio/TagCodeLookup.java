package com.tagline.simulator.platform.ixkio;

import java.util.Objects;

/**
 * How a PATCH names its tag code (platform-api §2.1): by XUID in the path ({@code /v1/x/{xuid}}), or
 * by the account's AID in the path ({@code /v1/a/{aid}}) with the CUID ({@code ix_c}, case-sensitive)
 * or the UID ({@code ix_u}, matched exactly: the API's UIDs are uppercase, so a lowercase UID is not
 * found) in a request header.
 */
public sealed interface TagCodeLookup {
    record ByXuid(String xuid) implements TagCodeLookup {
        public ByXuid {
            Objects.requireNonNull(xuid);
        }
    }

    record ByCuid(String aid, String cuid) implements TagCodeLookup {
        public ByCuid {
            Objects.requireNonNull(aid);
            Objects.requireNonNull(cuid);
        }
    }

    record ByUid(String aid, String uid) implements TagCodeLookup {
        public ByUid {
            Objects.requireNonNull(aid);
            Objects.requireNonNull(uid);
        }
    }
}
