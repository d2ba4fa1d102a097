package com.tagline.station.console;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Reason;
import com.tagline.station.workflow.EncodeOutcome;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Turns the encoder's outcomes into {@link ChipEvent}s for the console. A chip that only waited for a
 * lease ({@link Reason#NO_JOB}) was not touched and is not counted. Until a console is attached the
 * events go nowhere, so the feed can be wired before the console starts. Any thread.
 */
public final class ChipFeed implements Consumer<EncodeOutcome> {
    private final Clock clock;
    private volatile ConsoleEvents target = ConsoleEvents.NONE;

    /** @param clock the station's clock, which times each chip */
    public ChipFeed(Clock clock) {
        this.clock = clock;
    }

    public void attach(ConsoleEvents events) {
        this.target = events;
    }

    @Override
    public void accept(EncodeOutcome o) {
        if (o.reason() == Reason.NO_JOB) {
            return;
        }
        target.chip(new ChipEvent(clock.instant(), o.tagId(), o.uidHex(), o.protocol().map(ChipProtocol::code).orElse("unknown"),
                o.reason().code(), o.duration(), o.resumed()));
    }
}
