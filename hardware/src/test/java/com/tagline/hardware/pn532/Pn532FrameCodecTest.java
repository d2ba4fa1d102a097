package com.tagline.hardware.pn532;

import static com.tagline.hardware.pn532.Hex.h;
import static com.tagline.hardware.pn532.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Pn532FrameCodecTest {
    private static byte[] encode(Pn532Frame frame) {
        return Pn532FrameCodec.encode(frame);
    }

    @Test
    void getFirmwareVersionCommandAndResponse() {
        // pn532.md §1, confirmed by libnfc and nfcpy.
        assertEquals("0000FF02FED4022A00", hex(encode(Pn532Frame.Information.command(0x02))));
        assertEquals("0000FF06FAD50332010607E800",
                hex(encode(Pn532Frame.Information.response(0x03, h("32010607")))));
    }

    @Test
    void samConfigurationAsLibnfcAndNfcpySendIt() {
        // libnfc 1.8.0 on the wire (pn532.md §2) and nfcpy test vectors (pn532.md §7).
        assertEquals("0000FF03FDD4140117 00".replace(" ", ""), hex(encode(Pn532Frame.Information.command(0x14, h("01")))));
        assertEquals("0000FF05FBD4140100001700", hex(encode(Pn532Frame.Information.command(0x14, h("010000")))));
        assertEquals("0000FF02FED5151600", hex(encode(Pn532Frame.Information.response(0x15))));
    }

    @Test
    void controlFrames() {
        assertEquals(Hex.ACK, hex(encode(new Pn532Frame.Ack())));
        assertEquals(Hex.NACK, hex(encode(new Pn532Frame.Nack())));
        assertEquals(Hex.ERROR_FRAME, hex(encode(new Pn532Frame.ErrorFrame())));
    }

    @Test
    void longestNormalFrameAndShortestExtendedFrame() {
        byte[] normal = encode(new Pn532Frame.Information(0xD4, new byte[254]));
        assertEquals("0000FFFF01", hex(normal).substring(0, 10));
        assertEquals(5 + 255 + 2, normal.length);

        byte[] extended = encode(new Pn532Frame.Information(0xD4, new byte[255]));
        // LEN = 0x0100 (TFI + 255), LCS = -(01 + 00) = FF (UM0701-02 §6.2.1.2)
        assertEquals("0000FFFFFF0100FFD4", hex(extended).substring(0, 18));
        assertEquals(8 + 256 + 2, extended.length);
        assertEquals((byte) 0x2C, extended[extended.length - 2]); // DCS = -(D4) = 2C
    }

    @Test
    void nfcpyLineTestIsAnExtendedFrame() {
        // nfcpy Diagnose: 00 00 + 262-byte ramp (pn532.md §3, §7) → LEN 265 = 0x0109.
        byte[] pd = new byte[264];
        for (int i = 0; i < 262; i++) {
            pd[2 + i] = (byte) i;
        }
        byte[] wire = encode(new Pn532Frame.Information(0xD4, pd));
        assertEquals("0000FFFFFF0109F6D40000", hex(wire).substring(0, 22));
        assertEquals(8 + 265 + 2, wire.length);
    }

    @Test
    void everyLengthRoundTripsThroughTheDecoder() {
        List<Pn532Frame> frames = new ArrayList<>();
        for (int n = 0; n <= 300; n++) {
            byte[] data = new byte[n];
            for (int i = 0; i < n; i++) {
                data[i] = (byte) (i * 7 + n);
            }
            frames.add(new Pn532Frame.Information(n % 2 == 0 ? 0xD4 : 0xD5, data));
        }
        frames.add(new Pn532Frame.Ack());
        frames.add(new Pn532Frame.Nack());
        frames.add(new Pn532Frame.ErrorFrame());
        Pn532FrameDecoder decoder = new Pn532FrameDecoder(0xFFFF);
        for (Pn532Frame frame : frames) {
            byte[] wire = encode(frame);
            decoder.feed(wire, 0, wire.length);
            assertEquals(new Pn532FrameDecoder.Result.Frame(frame), decoder.poll().orElseThrow());
        }
    }

    @Test
    void informationCopiesItsData() {
        byte[] data = h("0102");
        Pn532Frame.Information info = new Pn532Frame.Information(0xD4, data);
        data[0] = 9;
        info.data()[1] = 9;
        assertArrayEquals(h("0102"), info.data());
        assertEquals(0x01, info.code());
        assertArrayEquals(h("02"), info.payload());
    }
}
