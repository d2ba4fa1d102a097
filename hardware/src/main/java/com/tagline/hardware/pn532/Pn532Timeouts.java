package com.tagline.hardware.pn532;

import java.time.Duration;
import java.util.Objects;

/**
 * Host-side waits of the PN532 dialog (pn532.md §4 "host-side timeouts in practice").
 *
 * @param ack               wait for the ACK frame before resending the command; UM0701-02 §6.2.3 says
 *                          the PN532 acknowledges within 15 ms, nfcpy waits 100 ms
 * @param command           wait for the response of an ordinary command (libnfc: 350 ms)
 * @param wake              wait for the SAMConfiguration response after the HSU wake-up (libnfc: 1 s)
 * @param listPassiveTarget wait for the InListPassiveTarget response (nfcpy: 1 s)
 * @param dataExchange      wait for InDataExchange responses; the PN532 reports its own RF time-out as
 *                          status 01 before this expires
 * @param abortDrain        after an abort ACK, input is discarded until it has been quiet this long
 */
public record Pn532Timeouts(Duration ack, Duration command, Duration wake, Duration listPassiveTarget,
        Duration dataExchange, Duration abortDrain) {
    public Pn532Timeouts {
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(wake, "wake");
        Objects.requireNonNull(listPassiveTarget, "listPassiveTarget");
        Objects.requireNonNull(dataExchange, "dataExchange");
        Objects.requireNonNull(abortDrain, "abortDrain");
    }

    public static Pn532Timeouts defaults() {
        return new Pn532Timeouts(Duration.ofMillis(100), Duration.ofMillis(350), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(10));
    }

    /** The same waits for every response, e.g. short ones in tests. */
    public static Pn532Timeouts uniform(Duration ack, Duration response, Duration abortDrain) {
        return new Pn532Timeouts(ack, response, response, response, response, abortDrain);
    }
}
