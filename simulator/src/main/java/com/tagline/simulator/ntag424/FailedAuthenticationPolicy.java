package com.tagline.simulator.ntag424;

import java.time.Duration;

/**
 * How the simulated chip punishes failed authentications (DS §9 introduction, §10.5.1 option 0Ah;
 * ntag424.md §1 and §12). Counters are kept per application key (DS §9: "the related key"; AN12196 §6.4
 * as quoted in public notes: "each application key has its own instance set" of counters).
 *
 * <ul>
 *   <li><b>TotFailCtr</b>: +1 per failed AuthenticateEV2First/NonFirst part 2 (wrong RndB', 91AE),
 *       −{@code totFailCtrDecrement} per success (not below 0). At {@code totFailCtrLimit} the key can no
 *       longer authenticate: part 1 answers PERMISSION_DENIED 919D (DS Table 39) until key 0 changes it
 *       with ChangeKey, which resets the key's counters. A blocked key 0 is unrecoverable (DS §9).
 *       Defaults 1000 and 10 are the datasheet's delivery values (DS Table 50).</li>
 *   <li><b>Delay</b>: once {@code delayAfter} consecutive failures with one key have happened, part 1 with
 *       that key answers AUTHENTICATION_DELAY 91AD until a delay has passed on the chip's {@link java.time.Clock}:
 *       {@code firstDelay} after the failure that reached the threshold, then {@code firstDelay +
 *       n·delayStep} after the n-th further failure, at most {@code maximumDelay}. Only a successful
 *       authentication (or ChangeKey of that key) ends the streak; a power cycle does not.</li>
 * </ul>
 *
 * <p>NXP does not publish the delay numbers. DS §9 only says the delay "increases with each unsuccessful
 * authentication attempt up to a maximum value" and that one 91AD answer takes about 65 % of FWT. The default
 * threshold of 50 consecutive failures is AN12196 §6.4 as quoted in public notes [public code]; the delay
 * durations, and whether a power cycle clears the streak (drusifer saw 91AD persist across re-taps,
 * ntag424.md §12), are [unknown]: the defaults are placeholders to be measured on real tags.
 */
public record FailedAuthenticationPolicy(
        int totFailCtrLimit,
        int totFailCtrDecrement,
        int delayAfter,
        Duration firstDelay,
        Duration delayStep,
        Duration maximumDelay) {

    public FailedAuthenticationPolicy {
        if (totFailCtrLimit < 1 || totFailCtrLimit > 0xFFFF) {
            throw new IllegalArgumentException("TotFailCtrLimit must be 1..65535 (DS Table 50)");
        }
        if (totFailCtrDecrement < 0 || totFailCtrDecrement > 0xFFFF) {
            throw new IllegalArgumentException("TotFailCtrDecr must be 0..65535 (DS Table 50)");
        }
        if (delayAfter < 1) {
            throw new IllegalArgumentException("delayAfter must be at least 1");
        }
        if (firstDelay.isNegative() || delayStep.isNegative() || maximumDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must be non-negative and maximumDelay >= firstDelay");
        }
    }

    /** Delivery limits 1000/10 (DS Table 50), delay after 50 failures, 1 s growing by 1 s up to 60 s. */
    public static FailedAuthenticationPolicy defaults() {
        return new FailedAuthenticationPolicy(1000, 10, 50, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    /** The same counters with another delay schedule (tests use a small threshold). */
    public FailedAuthenticationPolicy withDelay(int after, Duration first, Duration step, Duration maximum) {
        return new FailedAuthenticationPolicy(totFailCtrLimit, totFailCtrDecrement, after, first, step, maximum);
    }

    /** The same delay schedule with another TotFailCtr limit and decrement. */
    public FailedAuthenticationPolicy withTotFailCtr(int limit, int decrement) {
        return new FailedAuthenticationPolicy(limit, decrement, delayAfter, firstDelay, delayStep, maximumDelay);
    }

    /** The delay imposed after {@code consecutiveFailures} failures in a row, zero below the threshold. */
    Duration delayFor(int consecutiveFailures) {
        if (consecutiveFailures < delayAfter) {
            return Duration.ZERO;
        }
        Duration d = firstDelay.plus(delayStep.multipliedBy(consecutiveFailures - delayAfter));
        return d.compareTo(maximumDelay) > 0 ? maximumDelay : d;
    }
}
