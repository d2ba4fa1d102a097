package com.tagline.simulator.pn532;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PN532 register file that ReadRegister and WriteRegister address (UM0701-02 §7.2.4, §7.2.5): CIU
 * registers at 6301..633F and SFRs at FFxx, one byte each, 0 until written. Values live as long as this
 * object, not as long as a host connection: libnfc reads registers at init and skips writes whose value
 * is already set (pn532.md §6), so a host that reconnects must find what it wrote before. Pass the same
 * instance to a new emulator to keep the state across emulator restarts too.
 *
 * <p>The emulator honours CIU_TxMode/CIU_RxMode bit 7 (TxCRCEn/RxCRCEn) in InCommunicateThru and writes
 * CIU_Control RxLastBits after each received frame; everything else is plain storage.
 *
 * <p>Thread-safe.
 */
public final class Pn532Registers {
    /** CIU_TxMode; bit 7 TxCRCEn (PN512 register map, used by libnfc and nfcpy). */
    public static final int CIU_TX_MODE = 0x6302;
    /** CIU_RxMode; bit 7 RxCRCEn. */
    public static final int CIU_RX_MODE = 0x6303;
    /** CIU_Control; bits 2..0 RxLastBits, the valid bits of the last received byte (0 = all 8). */
    public static final int CIU_CONTROL = 0x633C;
    static final int CRC_ENABLE = 0x80;
    private static final int RX_LAST_BITS = 0x07;
    /** Bits 6..4 speed, 1..0 framing: 000 and 00 = 106 kbps ISO/IEC 14443-A. */
    private static final int SPEED_AND_FRAMING = 0x73;

    private final Map<Integer, Integer> values = new ConcurrentHashMap<>();

    /** The value at {@code address} (0000..FFFF), 0 if never written. */
    public int read(int address) {
        return values.getOrDefault(checkAddress(address), 0);
    }

    /** Stores {@code value} (00..FF) at {@code address}. */
    public void write(int address, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("register value out of range: " + value);
        }
        values.put(checkAddress(address), value);
    }

    /** Every written register, by address. */
    public Map<Integer, Integer> snapshot() {
        return new TreeMap<>(values);
    }

    boolean txCrc() {
        return (read(CIU_TX_MODE) & CRC_ENABLE) != 0;
    }

    boolean rxCrc() {
        return (read(CIU_RX_MODE) & CRC_ENABLE) != 0;
    }

    /** Records how many bits of the last received byte were valid (8 ⇒ 0, as the CIU does). */
    void rxLastBits(int bits) {
        int old = read(CIU_CONTROL);
        write(CIU_CONTROL, (old & ~RX_LAST_BITS) | (bits & RX_LAST_BITS));
    }

    /**
     * What the firmware sets when InListPassiveTarget activates a 106 kbps Type A target: CRC on both ways,
     * 106 kbps, ISO 14443-A framing. [inferred] from nfcpy {@code sense_tta}, which finds RxCRCEn set after
     * the listing and clears it for Type 2 tags.
     */
    void configureFor106TypeA() {
        for (int address : new int[] {CIU_TX_MODE, CIU_RX_MODE}) {
            write(address, (read(address) & ~SPEED_AND_FRAMING) | CRC_ENABLE);
        }
    }

    private static int checkAddress(int address) {
        if (address < 0 || address > 0xFFFF) {
            throw new IllegalArgumentException("register address out of range: " + address);
        }
        return address;
    }
}
