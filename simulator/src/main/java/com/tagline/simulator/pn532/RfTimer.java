package com.tagline.simulator.pn532;

import java.time.Duration;

/**
 * The modeled time of one exchange with a chip in the field, the same for InDataExchange
 * ({@link ExchangeCommands}) and raw frames ({@link RawFrames}): the {@link TimingModel}'s request time (until
 * the chip's answer starts), cut at the RFConfiguration RetryTimeout when it is longer (the chip acts, but its
 * answer comes too late: a time-out for the host); then the answer's air time, or the whole RetryTimeout when
 * nothing answers.
 *
 * <p>Threading: emulator thread only.
 */
final class RfTimer {
    private final FirmwareSettings settings;
    private final HsuPort port;
    private final Meter meter;

    RfTimer(FirmwareSettings settings, HsuPort port, Meter meter) {
        this.settings = settings;
        this.port = port;
        this.meter = meter;
    }

    /** Waits the request time of {@code rf}; false when it exceeds the RetryTimeout (only that was waited). */
    boolean request(RfExchange rf) {
        Duration limit = settings.commTimeout();
        Duration request = meter.requestTime(rf);
        boolean late = !limit.isZero() && meter.timing().mode() != Pn532Timing.Mode.OFF
                && request.compareTo(limit) > 0;
        port.await(meter.rfExchange(late ? limit : request));
        return !late;
    }

    /** Nothing answered: the PN532 waits out its RetryTimeout. */
    void mute() {
        port.await(meter.charge(settings.commTimeout()));
    }

    /** The air time of the chip's answer of {@code length} bytes to {@code rf}. */
    void answer(RfExchange rf, int length) {
        port.await(meter.rfAnswer(rf, length));
    }
}
