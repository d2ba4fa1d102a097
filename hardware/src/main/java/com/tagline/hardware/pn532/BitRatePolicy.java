package com.tagline.hardware.pn532;

import com.tagline.hardware.tag.BitRate;
import java.util.Objects;

/**
 * How {@link BitRateNegotiator} picks the RF bit rate of an ISO-DEP target after InListPassiveTarget. The
 * PN532 drives ISO 14443-A at 106, 212 and 424 kbit/s (libnfc {@code pn532_iso14443a_supported_baud_rates});
 * the NTAG 424 DNA announces 212 to 848 kbit/s both ways (NT4H2421Gx §8.1.2). A faster RF rate is worth an
 * InPSL only with a fast UART (SetSerialBaudRate 921600).
 *
 * @param max fastest rate to negotiate; {@link BitRate#KBPS_106} turns negotiation off
 * @param failuresToFallBack consecutive activations at a raised rate that ended with an RF error (or whose PPS
 *     the chip refused) after which the reader stays at 106 kbit/s [inferred]
 * @param activationsAt106 activations kept at 106 kbit/s after a fall-back before a raised rate is tried
 *     again [inferred]
 */
public record BitRatePolicy(BitRate max, int failuresToFallBack, int activationsAt106) {
    public BitRatePolicy {
        Objects.requireNonNull(max, "max");
        if (max.compareTo(BitRate.KBPS_424) > 0) {
            throw new IllegalArgumentException("the PN532 drives ISO 14443-A up to 424 kbit/s, not " + max);
        }
        if (failuresToFallBack < 1 || activationsAt106 < 0) {
            throw new IllegalArgumentException("failuresToFallBack must be ≥ 1 and activationsAt106 ≥ 0");
        }
    }

    /** 424 kbit/s; two failed activations in a row fall back to 106 for the next 200. */
    public static BitRatePolicy defaults() {
        return new BitRatePolicy(BitRate.KBPS_424, 2, 200);
    }

    /** Always 106 kbit/s: no InPSL. */
    public static BitRatePolicy fixed106() {
        return new BitRatePolicy(BitRate.KBPS_106, 1, 0);
    }

    public BitRatePolicy withMax(BitRate value) {
        return new BitRatePolicy(value, failuresToFallBack, activationsAt106);
    }
}
