package com.tagline.hardware.pn532;

/**
 * Encodes {@link Pn532Frame}s to their wire form (UM0701-02 §6.2.1). Stateless.
 *
 * <pre>
 * normal:   00 00 FF LEN LCS TFI PD0..PDn DCS 00                 (LEN = 1 + n + 1 ≤ 255)
 * extended: 00 00 FF FF FF LENm LENl LCS TFI PD0..PDn DCS 00     (otherwise)
 * LCS: (LEN + LCS) &amp; 0xFF == 0      DCS: (TFI + ΣPD + DCS) &amp; 0xFF == 0
 * </pre>
 */
public final class Pn532FrameCodec {
    /** Largest LEN of a normal frame (UM0701-02 §6.2.1.1). */
    public static final int NORMAL_MAX_LENGTH = 255;
    /** Largest LENGTH an extended frame can express (UM0701-02 §6.2.1.2). */
    public static final int EXTENDED_MAX_LENGTH = 0xFFFF;

    private static final byte[] ACK = {0x00, 0x00, (byte) 0xFF, 0x00, (byte) 0xFF, 0x00};
    private static final byte[] NACK = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF, 0x00, 0x00};
    private static final byte[] ERROR = {0x00, 0x00, (byte) 0xFF, 0x01, (byte) 0xFF, 0x7F, (byte) 0x81, 0x00};

    private Pn532FrameCodec() {
    }

    /** The complete frame, preamble and postamble included. */
    public static byte[] encode(Pn532Frame frame) {
        if (frame instanceof Pn532Frame.Ack) {
            return ACK.clone();
        } else if (frame instanceof Pn532Frame.Nack) {
            return NACK.clone();
        } else if (frame instanceof Pn532Frame.ErrorFrame) {
            return ERROR.clone();
        }
        Pn532Frame.Information info = (Pn532Frame.Information) frame;
        return encodeInformation(info.tfi(), info.data());
    }

    private static byte[] encodeInformation(int tfi, byte[] data) {
        int length = 1 + data.length;
        if (length > EXTENDED_MAX_LENGTH) {
            throw new IllegalArgumentException("frame data too long: " + data.length + " bytes");
        }
        boolean extended = length > NORMAL_MAX_LENGTH;
        int header = extended ? 8 : 5;
        byte[] out = new byte[header + length + 2];
        out[0] = 0x00;
        out[1] = 0x00;
        out[2] = (byte) 0xFF;
        if (extended) {
            out[3] = (byte) 0xFF;
            out[4] = (byte) 0xFF;
            out[5] = (byte) (length >>> 8);
            out[6] = (byte) length;
            out[7] = (byte) -(out[5] + out[6]);
        } else {
            out[3] = (byte) length;
            out[4] = (byte) -length;
        }
        out[header] = (byte) tfi;
        System.arraycopy(data, 0, out, header + 1, data.length);
        int sum = tfi;
        for (byte b : data) {
            sum += b & 0xFF;
        }
        out[header + length] = (byte) -sum;
        out[header + length + 1] = 0x00;
        return out;
    }
}
