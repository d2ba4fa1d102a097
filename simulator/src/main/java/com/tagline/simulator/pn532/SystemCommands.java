package com.tagline.simulator.pn532;

import java.util.Arrays;

/**
 * The miscellaneous commands of UM0701-02 §7.2 and RFConfiguration (§7.3.1). Each method takes the
 * parameters after the command code and answers a {@link Reply}; malformed parameters get the syntax
 * error frame, as the firmware does for an application-level error (UM0701-02 §6.2.1.5).
 *
 * <p>Threading: emulator thread only.
 */
final class SystemCommands {
    static final int DIAGNOSE = 0x00;
    static final int GET_FIRMWARE_VERSION = 0x02;
    static final int GET_GENERAL_STATUS = 0x04;
    static final int READ_REGISTER = 0x06;
    static final int WRITE_REGISTER = 0x08;
    static final int SET_SERIAL_BAUD_RATE = 0x10;
    static final int SET_PARAMETERS = 0x12;
    static final int SAM_CONFIGURATION = 0x14;
    static final int POWER_DOWN = 0x16;
    static final int RF_CONFIGURATION = 0x32;

    /** IC 32 (PN532), Ver 1, Rev 6, Support 07 = ISO/IEC 14443 A, B and ISO 18092 (UM0701-02 §7.2.2). */
    private static final byte[] FIRMWARE_VERSION = {0x32, 0x01, 0x06, 0x07};
    /** SetSerialBaudRate BR 00..08 (UM0701-02 §7.2.8). */
    private static final int[] BAUD_RATES = {9_600, 19_200, 38_400, 57_600, 115_200, 230_400, 460_800, 921_600,
        1_288_000};
    private static final int TEST_COMMUNICATION_LINE = 0x00;
    private static final int TEST_ROM = 0x01;
    private static final int TEST_RAM = 0x02;
    private static final int TEST_CARD_PRESENCE = 0x06;
    private static final int TEST_ANTENNA = 0x07;

    private final FirmwareSettings settings;
    private final Pn532Registers registers;
    private final RfField field;
    private final HsuPort port;

    SystemCommands(FirmwareSettings settings, Pn532Registers registers, RfField field, HsuPort port) {
        this.settings = settings;
        this.registers = registers;
        this.field = field;
        this.port = port;
    }

    /** UM0701-02 §7.2.1: NumTst 00 echoes NumTst + InParam; 01/02/07 pass; 06 checks the current target. */
    Reply diagnose(byte[] p) {
        if (p.length == 0) {
            return Reply.syntaxError();
        }
        return switch (p[0]) {
            case TEST_COMMUNICATION_LINE -> Reply.to(DIAGNOSE, p);
            case TEST_ROM, TEST_RAM, TEST_ANTENNA -> Reply.to(DIAGNOSE, (byte) RfStatus.OK.code());
            case TEST_CARD_PRESENCE -> {
                field.reconcile();
                boolean present = field.current().map(t -> field.present(t.chip())).orElse(false);
                yield Reply.to(DIAGNOSE, (byte) (present ? RfStatus.OK : RfStatus.TIMEOUT).code());
            }
            default -> Reply.syntaxError();
        };
    }

    Reply getFirmwareVersion(byte[] p) {
        return Reply.to(GET_FIRMWARE_VERSION, FIRMWARE_VERSION.clone());
    }

    /** UM0701-02 §7.2.3: Err Field NbTg [Tg BrRx BrTx Type]… SAMstatus; 106 kbps type A targets only. */
    Reply getGeneralStatus(byte[] p) {
        field.reconcile();
        var live = field.targets().stream().filter(t -> !t.lost()).toList();
        byte[] out = new byte[3 + 4 * live.size() + 1];
        out[0] = (byte) settings.lastError;
        out[1] = (byte) (field.isOn() ? 1 : 0);
        out[2] = (byte) live.size();
        for (int i = 0; i < live.size(); i++) {
            out[3 + 4 * i] = (byte) live.get(i).tg(); // BrRx, BrTx 00 = 106 kbps; Type 00 = ISO 14443-A
        }
        return Reply.to(GET_GENERAL_STATUS, out);
    }

    /** UM0701-02 §7.2.4: (ADRH ADRL)… → one value per address (PN532: no status byte, pn532.md §3). */
    Reply readRegister(byte[] p) {
        if (p.length == 0 || p.length % 2 != 0) {
            return Reply.syntaxError();
        }
        byte[] values = new byte[p.length / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) registers.read(address(p, 2 * i));
        }
        return Reply.to(READ_REGISTER, values);
    }

    /** UM0701-02 §7.2.5: (ADRH ADRL VAL)…. */
    Reply writeRegister(byte[] p) {
        if (p.length == 0 || p.length % 3 != 0) {
            return Reply.syntaxError();
        }
        for (int i = 0; i < p.length; i += 3) {
            registers.write(address(p, i), p[i + 2] & 0xFF);
        }
        return Reply.to(WRITE_REGISTER);
    }

    /** UM0701-02 §7.2.8: answered at the old speed; the switch happens when the host ACKs the answer. */
    Reply setSerialBaudRate(byte[] p) {
        if (p.length != 1 || (p[0] & 0xFF) >= BAUD_RATES.length) {
            return Reply.syntaxError();
        }
        settings.pendingBaud = BAUD_RATES[p[0]];
        return Reply.to(SET_SERIAL_BAUD_RATE);
    }

    /** UM0701-02 §7.2.9: one flag byte. */
    Reply setParameters(byte[] p) {
        if (p.length != 1) {
            return Reply.syntaxError();
        }
        settings.parameterFlags = p[0] & 0xFF;
        return Reply.to(SET_PARAMETERS);
    }

    /** UM0701-02 §7.2.10: Mode 01..04 [Timeout [IRQ]]; leaves Low VBat (pn532.md §2). */
    Reply samConfiguration(byte[] p) {
        if (p.length < 1 || p.length > 3 || p[0] < 1 || p[0] > 4) {
            return Reply.syntaxError();
        }
        settings.samMode = p[0];
        return Reply.to(SAM_CONFIGURATION);
    }

    /** UM0701-02 §7.2.11: WakeUpEnable [GenerateIRQ] → Status; RF off, then asleep until a 55 byte. */
    Reply powerDown(byte[] p) {
        if (p.length < 1 || p.length > 2) {
            return Reply.syntaxError();
        }
        return Reply.status(POWER_DOWN, RfStatus.OK).then(() -> {
            field.switchOff();
            port.powerDown();
        });
    }

    /** UM0701-02 §7.3.1: CfgItem + ConfigurationData; item lengths as listed there (pn532.md §3.4). */
    Reply rfConfiguration(byte[] p) {
        if (p.length < 2) {
            return Reply.syntaxError();
        }
        byte[] d = Arrays.copyOfRange(p, 1, p.length);
        boolean ok = switch (p[0]) {
            case 0x01 -> d.length == 1 && rfField(d[0]);
            case 0x02 -> d.length == 3 && timings(d);
            case 0x04 -> d.length == 1 && storeComRetries(d[0]);
            case 0x05 -> d.length == 3 && retries(d);
            case 0x0A -> d.length == 11;
            case 0x0B -> d.length == 8;
            case 0x0C -> d.length == 3;
            case 0x0D -> d.length == 9;
            default -> false;
        };
        return ok ? Reply.to(RF_CONFIGURATION) : Reply.syntaxError();
    }

    /** Item 01: bit 0 RF on, bit 1 AutoRFCA. Switching off resets every chip in the field. */
    private boolean rfField(byte value) {
        if ((value & 0x01) != 0) {
            field.switchOn();
        } else {
            field.switchOff();
        }
        return true;
    }

    /** Item 02: RFU, ATR_RES_Timeout, RetryTimeout (index n ⇒ 100 µs · 2^(n−1)). */
    private boolean timings(byte[] d) {
        settings.atrResTimeout = d[1] & 0xFF;
        settings.commTimeout = d[2] & 0xFF;
        return true;
    }

    private boolean storeComRetries(byte value) {
        settings.maxRetryCom = value & 0xFF;
        return true;
    }

    /** Item 05: MxRtyATR, MxRtyPSL, MxRtyPassiveActivation (FF = infinite). */
    private boolean retries(byte[] d) {
        settings.maxRetryAtr = d[0] & 0xFF;
        settings.maxRetryPsl = d[1] & 0xFF;
        settings.maxRetryPassiveActivation = d[2] & 0xFF;
        return true;
    }

    private static int address(byte[] p, int i) {
        return (p[i] & 0xFF) << 8 | (p[i + 1] & 0xFF);
    }
}
