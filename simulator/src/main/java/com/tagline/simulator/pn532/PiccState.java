package com.tagline.simulator.pn532;

/**
 * The ISO/IEC 14443-3 §6.3 PICC states the emulator tracks per chip in the field (READY is transient
 * inside one activation and not kept). REQA, as InListPassiveTarget sends it, is answered only in IDLE;
 * WUPA, as InSelect and the automatic re-activation of InDataExchange send it, also wakes HALT.
 */
enum PiccState {
    /** Powered by the field, waiting for REQA or WUPA. */
    IDLE,
    /** Selected (and, for ISO-DEP, activated with RATS): answers frames. */
    ACTIVE,
    /** Halted by HLTA or S(DESELECT): answers only WUPA. */
    HALT
}
