package com.tagline.simulator.pn532;

import java.time.Duration;

/**
 * Firmware state set by SetParameters, SAMConfiguration and RFConfiguration (UM0701-02 §7.2.9, §7.2.10,
 * §7.3.1), with the reset values the manual lists. The emulator acts on the AutoRATS flag, the passive
 * activation retries and the communication timeout; the other values are kept as the firmware keeps them.
 *
 * <p>Threading: emulator thread only.
 */
final class FirmwareSettings {
    static final int FLAG_AUTOMATIC_RATS = 0x10;
    /** Infinite retries (RFConfiguration item 05). */
    static final int INFINITE = 0xFF;

    /**
     * SetParameters flags after reset: fAutomaticATR_RES, fAutomaticRATS and fISO14443-4_PICC set.
     * [inferred] from UM0701-02 §7.2.9 as summarised by libnfc, which sets 0x14 itself at init.
     */
    int parameterFlags = 0x34;
    int samMode = 0x01;
    int atrResTimeout = 0x0B;
    int commTimeout = 0x0A;
    int maxRetryCom = 0x00;
    int maxRetryAtr = INFINITE;
    int maxRetryPsl = 0x01;
    int maxRetryPassiveActivation = INFINITE;
    /** Error code of the last RF exchange, reported by GetGeneralStatus. */
    int lastError;
    /** Baud rate to switch to after the host ACKs the SetSerialBaudRate response; 0 when none. */
    int pendingBaud;

    boolean automaticRats() {
        return (parameterFlags & FLAG_AUTOMATIC_RATS) != 0;
    }

    /** RFConfiguration item 02 RetryTimeout: index n ⇒ 100 µs · 2^(n−1); 0 ⇒ no timeout (ZERO). */
    Duration commTimeout() {
        return commTimeout == 0 ? Duration.ZERO : Duration.ofNanos(100_000L << (Math.min(commTimeout, 16) - 1));
    }
}
