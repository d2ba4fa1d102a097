package com.tagline.simulator.pn532;

import com.tagline.simulator.field.FieldChip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small Type 2 chip double shaped like an NTAG213 (ATQA 0044, SAK 00, 45 pages): READ 30, WRITE A2,
 * COMPATIBILITY_WRITE A0 (two frames), GET_VERSION 60, HLTA 50 00 (mute until activated). Pages 0..3 reject
 * writes with NAK 0. Records every frame, activation and power cycle so tests can see what reached the chip.
 */
final class Type2TestChip implements FieldChip {
    static final byte[] VERSION = ScriptedHost.hex("0004040201000F03");
    private static final int PAGES = 45;
    private static final byte NAK_INVALID = 0x00;

    private final byte[] uid;
    private final byte[] memory = new byte[PAGES * 4];
    final List<String> frames = new ArrayList<>();
    int powerCycles;
    int activations;
    boolean mute;
    private boolean halted;
    private int compatibilityPage = -1;

    Type2TestChip(String uidHex) {
        this.uid = ScriptedHost.hex(uidHex);
        for (int i = 0; i < memory.length; i++) {
            memory[i] = (byte) i;
        }
    }

    byte[] page(int page) {
        return Arrays.copyOfRange(memory, page * 4, page * 4 + 4);
    }

    /** Pages {@code first..first+count-1} as hex, as a READ answers them. */
    String pagesHex(int first, int count) {
        StringBuilder sb = new StringBuilder();
        for (int p = first; p < first + count; p++) {
            sb.append(ScriptedHost.hex(page(p)));
        }
        return sb.toString();
    }

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    @Override
    public int atqa() {
        return 0x0044;
    }

    @Override
    public int sak() {
        return 0x00;
    }

    @Override
    public byte[] ats() {
        return new byte[0];
    }

    @Override
    public byte[] processApdu(byte[] apdu) {
        throw new IllegalStateException("a Type 2 chip has no ISO-DEP; the emulator must not send it APDUs");
    }

    @Override
    public byte[] processType2(byte[] frame) {
        frames.add(ScriptedHost.hex(frame));
        if (mute || halted) {
            return new byte[0];
        }
        if (compatibilityPage >= 0) {
            int page = compatibilityPage;
            compatibilityPage = -1;
            return frame.length == 16 ? write(page, Arrays.copyOf(frame, 4)) : new byte[] {NAK_INVALID};
        }
        int cmd = frame[0] & 0xFF;
        if (cmd == 0x30 && frame.length == 2) {
            byte[] out = new byte[16];
            for (int i = 0; i < 16; i++) {
                out[i] = memory[((frame[1] & 0xFF) * 4 + i) % memory.length];
            }
            return out;
        }
        if (cmd == 0xA2 && frame.length == 6) {
            return write(frame[1] & 0xFF, Arrays.copyOfRange(frame, 2, 6));
        }
        if (cmd == 0xA0 && frame.length == 2) {
            compatibilityPage = frame[1] & 0xFF;
            return new byte[] {ACK};
        }
        if (cmd == 0x60 && frame.length == 1) {
            return VERSION.clone();
        }
        if (cmd == 0x50 && frame.length == 2) {
            halted = true;
        }
        return new byte[0];
    }

    private byte[] write(int page, byte[] data) {
        if (page < 4 || page >= PAGES) {
            return new byte[] {NAK_INVALID};
        }
        System.arraycopy(data, 0, memory, page * 4, 4);
        return new byte[] {ACK};
    }

    @Override
    public void powerCycle() {
        powerCycles++;
        compatibilityPage = -1;
        halted = false;
    }

    @Override
    public void activate() {
        activations++;
        compatibilityPage = -1;
        halted = false;
    }
}
