package com.tagline.station.platform.ixkio;

import java.util.Arrays;
import java.util.Optional;

/** The blockchains of {@code ix_nftchain}, spelled as the seed spells them ("etherium"). */
public enum NftChain {
    ETHERIUM_MAIN("etherium_main"),
    ETHERIUM_TEST("etherium_test"),
    POLYGON_MAIN("polygon_main"),
    POLYGON_TEST("polygon_test");

    private final String code;

    NftChain(String code) {
        this.code = code;
    }

    /** The API's name, e.g. {@code polygon_main}. */
    public String code() {
        return code;
    }

    /** The chain with this exact name, if any. */
    public static Optional<NftChain> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** The names, comma-separated, for error messages. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(NftChain::code).toList());
    }
}
