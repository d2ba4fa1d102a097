package com.tagline.hardware.pn532;

import com.tagline.hardware.tag.Ats;
import com.tagline.hardware.tag.BitRate;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link Pn532TagLink}s at the fastest RF bit rate the target and the PN532 share (issue 13): after
 * InListPassiveTarget, an ISO-DEP target whose ATS TA(1) allows it (ISO/IEC 14443-4 §5.2.4) gets an InPSL
 * (UM0701-02 §7.3.7), i.e. a PPS (ISO/IEC 14443-4 §5.3). Type 2 targets (no ATS) stay at 106 kbit/s.
 *
 * <p>Falls back to 106 kbit/s: for this target when it refuses the PPS (the PN532 reports a time-out and
 * both sides keep 106, ISO/IEC 14443-4 §5.3); and for the next {@link BitRatePolicy#activationsAt106()}
 * targets after {@link BitRatePolicy#failuresToFallBack()} activations in a row at a raised rate ended with an
 * RF error or a refused PPS, logged as {@code event=rf_bit_rate_fallback}.
 *
 * <p>Threading: the reader thread's, like its {@link Pn532}.
 */
public final class BitRateNegotiator implements Pn532TagLink.RfErrorListener {
    private static final Logger log = LoggerFactory.getLogger(BitRateNegotiator.class);

    private final Pn532 pn532;
    private final BitRatePolicy policy;
    private int failuresInARow;
    private int remainingAt106;
    private boolean raised;
    private boolean failed;

    public BitRateNegotiator(Pn532 pn532, BitRatePolicy policy) {
        this.pn532 = Objects.requireNonNull(pn532, "pn532");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A negotiator with the reader's configured policy ({@link Pn532Settings#bitRates()}). */
    public BitRateNegotiator(Pn532 pn532) {
        this(pn532, pn532.settings.bitRates());
    }

    /**
     * A link to {@code target}, listed just before, at the rate this negotiator chose; sends InPSL when that
     * rate is above 106 kbit/s.
     *
     * @throws com.tagline.hardware.tag.TransportException when the reader link fails
     */
    public Pn532TagLink open(PassiveTarget target) {
        settlePrevious();
        BitRate rate = choose(target);
        if (rate != BitRate.KBPS_106) {
            try {
                pn532.inPsl(target.tg(), rate, rate);
            } catch (Pn532StatusException | Pn532TagLostException e) {
                log.info("event=rf_pps_refused uid={} rate_kbps={} error={}", target.target().uidHex(), rate.kbps(),
                        e.getMessage());
                failed = true;
                settlePrevious();
                rate = BitRate.KBPS_106;
            }
        }
        raised = rate != BitRate.KBPS_106;
        return new Pn532TagLink(pn532, target, rate, this);
    }

    /** The rate {@link #open} will choose for {@code target} now. */
    BitRate choose(PassiveTarget target) {
        if (!target.target().isoDep() || remainingAt106 > 0) {
            if (remainingAt106 > 0) {
                remainingAt106--;
            }
            return BitRate.KBPS_106;
        }
        return Ats.of(target.target()).fastestBothWays(policy.max());
    }

    @Override
    public void rfError(BitRate rate) {
        if (rate != BitRate.KBPS_106) {
            failed = true;
        }
    }

    /** Counts the previous activation: clean, or failed at a raised rate. */
    private void settlePrevious() {
        if (failed) {
            failuresInARow++;
            if (failuresInARow >= policy.failuresToFallBack()) {
                log.warn("event=rf_bit_rate_fallback failures_in_a_row={} activations_at_106={}", failuresInARow,
                        policy.activationsAt106());
                remainingAt106 = policy.activationsAt106();
                failuresInARow = 0;
            }
        } else if (raised) {
            failuresInARow = 0;
        }
        failed = false;
        raised = false;
    }
}
