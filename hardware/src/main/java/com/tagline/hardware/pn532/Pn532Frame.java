package com.tagline.hardware.pn532;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One PN532 host-interface frame (UM0701-02 §6.2.1): ACK, NACK, the application-level syntax error
 * frame, or a normal/extended information frame. The wire form (preamble, start code, LEN/LCS,
 * DCS, postamble) belongs to {@link Pn532FrameCodec} and {@link Pn532FrameDecoder}.
 */
public sealed interface Pn532Frame {
    /** TFI of a frame from the host controller to the PN532 (UM0701-02 §6.2.1.1). */
    int TFI_HOST_TO_PN532 = 0xD4;
    /** TFI of a frame from the PN532 to the host controller (UM0701-02 §6.2.1.1). */
    int TFI_PN532_TO_HOST = 0xD5;

    /** {@code 00 00 FF 00 FF 00}; from the host it aborts the current command (UM0701-02 §6.2.1.3). */
    record Ack() implements Pn532Frame {
    }

    /** {@code 00 00 FF FF 00 00}: "retransmit the last response frame" (UM0701-02 §6.2.1.4). */
    record Nack() implements Pn532Frame {
    }

    /** {@code 00 00 FF 01 FF 7F 81 00}: application-level syntax error (UM0701-02 §6.2.1.5). */
    record ErrorFrame() implements Pn532Frame {
    }

    /**
     * An information frame (UM0701-02 §6.2.1.1 normal, §6.2.1.2 extended).
     *
     * @param tfi  frame identifier, {@link #TFI_HOST_TO_PN532} or {@link #TFI_PN532_TO_HOST}
     * @param data PD0..PDn without the TFI; PD0 is the command code (response code = command + 1)
     */
    record Information(int tfi, byte[] data) implements Pn532Frame {
        public Information {
            if (tfi < 0 || tfi > 0xFF) {
                throw new IllegalArgumentException("TFI out of range: " + tfi);
            }
            data = data.clone();
        }

        /** A host-to-PN532 frame: command code followed by its parameters. */
        public static Information command(int code, byte... params) {
            byte[] pd = new byte[params.length + 1];
            pd[0] = (byte) code;
            System.arraycopy(params, 0, pd, 1, params.length);
            return new Information(TFI_HOST_TO_PN532, pd);
        }

        /** A PN532-to-host frame: response code followed by its payload. */
        public static Information response(int code, byte... payload) {
            byte[] pd = new byte[payload.length + 1];
            pd[0] = (byte) code;
            System.arraycopy(payload, 0, pd, 1, payload.length);
            return new Information(TFI_PN532_TO_HOST, pd);
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** PD0, the command or response code, or -1 for an empty frame. */
        public int code() {
            return data.length == 0 ? -1 : data[0] & 0xFF;
        }

        /** PD1..PDn, the parameters after the code. */
        public byte[] payload() {
            return data.length == 0 ? new byte[0] : Arrays.copyOfRange(data, 1, data.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Information i && i.tfi == tfi && Arrays.equals(i.data, data);
        }

        @Override
        public int hashCode() {
            return tfi * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Information[tfi=" + String.format("%02X", tfi) + ", data="
                    + HexFormat.of().withUpperCase().formatHex(data) + "]";
        }
    }
}
