package com.tagline.hardware.pn532;

import java.util.HexFormat;

/** Hex helpers for the byte-exact tests of this package; whitespace in literals is ignored. */
final class Hex {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Hex() {
    }

    static byte[] h(String hex) {
        return HEX.parseHex(hex.replaceAll("\\s+", ""));
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** The wire bytes of a host command frame with PD bytes {@code pd} (command code first). */
    static String cmd(String pd) {
        return hex(Pn532FrameCodec.encode(new Pn532Frame.Information(Pn532Frame.TFI_HOST_TO_PN532, h(pd))));
    }

    /** The wire bytes of a PN532 response frame with PD bytes {@code pd} (response code first). */
    static String rsp(String pd) {
        return hex(Pn532FrameCodec.encode(new Pn532Frame.Information(Pn532Frame.TFI_PN532_TO_HOST, h(pd))));
    }

    static final String ACK = "0000FF00FF00";
    static final String NACK = "0000FFFF0000";
    static final String ERROR_FRAME = "0000FF01FF7F8100";
}
