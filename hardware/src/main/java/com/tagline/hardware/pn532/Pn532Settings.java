package com.tagline.hardware.pn532;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the {@link Pn532} driver. Values marked [inferred] in pn532.md are assumptions to
 * be measured on the real reader, hence configurable.
 *
 * @param timeouts                 host-side waits
 * @param ackAttempts              sends of one command frame before giving up on its ACK (UM0701-02 §6.2.3)
 * @param nackAttempts             NACKs sent to re-request a corrupt response (UM0701-02 §6.2.1.4)
 * @param wakeDelay                pause after the HSU wake-up bytes {@code 55 55 00…} (pn532.md §2; default 0)
 * @param baudSwitchDelay          pause after the ACK that confirms SetSerialBaudRate (nfcpy: 1 ms)
 * @param serialBaudRate           HSU speed to switch to after init; 115200 keeps the power-on speed
 * @param lineTest                 run Diagnose's communication line test at init (libnfc does)
 * @param parameters               SetParameters flags at init (libnfc: 0x14 = AutoATR_RES | AutoRATS)
 * @param passiveActivationRetries RFConfiguration item 05 MxRtyPassiveActivation; small on a conveyor so that
 *                                 InListPassiveTarget returns quickly without a tag (pn532.md §3.4)
 * @param maxRetryCom              RFConfiguration item 04 MaxRtyCOM (0 = one try)
 * @param dataExchangeChunk        largest DataOut per InDataExchange frame; longer data is chained with MI.
 *                                 252 keeps every frame a normal frame; at most 262 (pn532.md §1)
 * @param bitRates                 RF bit rate negotiation for ISO-DEP targets ({@link BitRateNegotiator})
 */
public record Pn532Settings(Pn532Timeouts timeouts, int ackAttempts, int nackAttempts, Duration wakeDelay,
        Duration baudSwitchDelay, int serialBaudRate, boolean lineTest, int parameters, int passiveActivationRetries,
        int maxRetryCom, int dataExchangeChunk, BitRatePolicy bitRates) {
    /** SetParameters fAutomaticATR_RES (pn532.md §3, UM0701-02 §7.2 SetParameters). */
    public static final int PARAM_AUTO_ATR_RES = 0x04;
    /** SetParameters fAutomaticRATS: the PN532 activates ISO 14443-4 targets itself. */
    public static final int PARAM_AUTO_RATS = 0x10;

    public Pn532Settings {
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(wakeDelay, "wakeDelay");
        Objects.requireNonNull(baudSwitchDelay, "baudSwitchDelay");
        Objects.requireNonNull(bitRates, "bitRates");
        if (ackAttempts < 1 || nackAttempts < 0) {
            throw new IllegalArgumentException("ackAttempts must be ≥ 1 and nackAttempts ≥ 0");
        }
        Pn532BaudRate.index(serialBaudRate);
        if (dataExchangeChunk < 1 || dataExchangeChunk > 262) {
            throw new IllegalArgumentException("dataExchangeChunk must be 1..262: " + dataExchangeChunk);
        }
    }

    public static Pn532Settings defaults() {
        return new Pn532Settings(Pn532Timeouts.defaults(), 3, 2, Duration.ZERO, Duration.ofMillis(1), 115_200, true,
                PARAM_AUTO_ATR_RES | PARAM_AUTO_RATS, 0x02, 0x00, 252, BitRatePolicy.defaults());
    }

    public Pn532Settings withTimeouts(Pn532Timeouts t) {
        return new Pn532Settings(t, ackAttempts, nackAttempts, wakeDelay, baudSwitchDelay, serialBaudRate, lineTest,
                parameters, passiveActivationRetries, maxRetryCom, dataExchangeChunk, bitRates);
    }

    public Pn532Settings withSerialBaudRate(int baud) {
        return new Pn532Settings(timeouts, ackAttempts, nackAttempts, wakeDelay, baudSwitchDelay, baud, lineTest,
                parameters, passiveActivationRetries, maxRetryCom, dataExchangeChunk, bitRates);
    }

    public Pn532Settings withLineTest(boolean on) {
        return new Pn532Settings(timeouts, ackAttempts, nackAttempts, wakeDelay, baudSwitchDelay, serialBaudRate, on,
                parameters, passiveActivationRetries, maxRetryCom, dataExchangeChunk, bitRates);
    }

    public Pn532Settings withDataExchangeChunk(int chunk) {
        return new Pn532Settings(timeouts, ackAttempts, nackAttempts, wakeDelay, baudSwitchDelay, serialBaudRate,
                lineTest, parameters, passiveActivationRetries, maxRetryCom, chunk, bitRates);
    }

    public Pn532Settings withWakeDelay(Duration delay) {
        return new Pn532Settings(timeouts, ackAttempts, nackAttempts, delay, baudSwitchDelay, serialBaudRate, lineTest,
                parameters, passiveActivationRetries, maxRetryCom, dataExchangeChunk, bitRates);
    }

    public Pn532Settings withBitRates(BitRatePolicy policy) {
        return new Pn532Settings(timeouts, ackAttempts, nackAttempts, wakeDelay, baudSwitchDelay, serialBaudRate,
                lineTest, parameters, passiveActivationRetries, maxRetryCom, dataExchangeChunk, policy);
    }
}
