package com.tagline.simulator.pn532;

/**
 * The NFCIP-1 peer commands, answered as a PN532 answers them with no peer in reach: the emulated field holds
 * only ISO/IEC 14443-A cards, which never answer an ATR_REQ, and no initiator ever comes.
 *
 * <ul>
 *   <li>InJumpForDEP (UM0701-02 §7.3.3): ActPass BR Next [PassiveInitiatorData] [NFCID3i] [Gi]. The PN532
 *       retries the activation MxRtyATR times in active mode, MxRtyPassiveActivation times in passive mode
 *       (RFConfiguration item 05, §7.3.1); with FF (the reset value, and what libnfc sets) it keeps trying
 *       until the host aborts, so no response comes; otherwise it answers status 01, "time out, the target has
 *       not answered" (§7.1).</li>
 *   <li>TgInitAsTarget (§7.3.14): the PN532 waits for an initiator to activate it, with no time limit; the
 *       host ends the wait with an ACK (libnfc's Ctrl-C in nfc-emulate-*) or a new command. [inferred] The
 *       real chip also enters power-down while it waits (libnfc pn53x.c: "PN532 automatically goes into
 *       PowerDown mode when TgInitAsTarget command will be sent"); the emulator stays awake, which answers
 *       the same to libnfc, whose abort always sends the wake-up preamble first.</li>
 * </ul>
 * Malformed parameters get the syntax error frame.
 *
 * <p>Threading: emulator thread only.
 */
final class PeerCommands {
    static final int IN_JUMP_FOR_DEP = 0x56;
    static final int TG_INIT_AS_TARGET = 0x8C;

    private static final int NEXT_PASSIVE_INITIATOR_DATA = 0x01;
    private static final int NEXT_NFCID3I = 0x02;
    private static final int NEXT_GI = 0x04;
    private static final int NFCID3_LENGTH = 10;
    private static final int MAX_GENERAL_BYTES = 48;
    /** Mode, MifareParams (6), FeliCaParams (18), NFCID3t (10), LEN Gt, LEN Tk (UM0701-02 §7.3.14). */
    private static final int TG_INIT_FIXED_LENGTH = 1 + 6 + 18 + NFCID3_LENGTH;

    private final FirmwareSettings settings;
    private final HsuPort port;

    PeerCommands(FirmwareSettings settings, HsuPort port) {
        this.settings = settings;
        this.port = port;
    }

    /** ActPass BR Next [...] → Status (01: no target answered), or no response while retries are infinite. */
    Reply inJumpForDep(byte[] p) {
        if (!validJumpForDep(p)) {
            return Reply.syntaxError();
        }
        boolean active = p[0] == 1;
        int retries = active ? settings.maxRetryAtr : settings.maxRetryPassiveActivation;
        if (retries == FirmwareSettings.INFINITE) {
            port.awaitAbort();
        }
        return Reply.status(IN_JUMP_FOR_DEP, RfStatus.TIMEOUT);
    }

    /** Mode MifareParams FeliCaParams NFCID3t LEN Gt LEN Tk → waits for an initiator until aborted. */
    Reply tgInitAsTarget(byte[] p) {
        if (!validTgInitAsTarget(p)) {
            return Reply.syntaxError();
        }
        port.awaitAbort();
        throw new IllegalStateException("awaitAbort returns only by aborting");
    }

    private static boolean validJumpForDep(byte[] p) {
        if (p.length < 3 || (p[0] != 0 && p[0] != 1) || p[1] < 0 || p[1] > 2 || (p[2] & ~0x07) != 0) {
            return false;
        }
        int next = p[2];
        int length = 3;
        if ((next & NEXT_PASSIVE_INITIATOR_DATA) != 0) {
            if (p[0] == 1) {
                return false; // passive initiator data only in passive mode
            }
            length += p[1] == 0 ? 4 : 5;
        }
        if ((next & NEXT_NFCID3I) != 0) {
            length += NFCID3_LENGTH;
        }
        int gi = p.length - length;
        return (next & NEXT_GI) != 0 ? gi > 0 && gi <= MAX_GENERAL_BYTES : gi == 0;
    }

    private static boolean validTgInitAsTarget(byte[] p) {
        if (p.length < TG_INIT_FIXED_LENGTH + 2) {
            return false;
        }
        int gt = p[TG_INIT_FIXED_LENGTH] & 0xFF;
        int tkAt = TG_INIT_FIXED_LENGTH + 1 + gt;
        return gt <= MAX_GENERAL_BYTES && tkAt < p.length && tkAt + 1 + (p[tkAt] & 0xFF) == p.length;
    }
}
