package com.tagline.station.sync;

import com.tagline.station.platform.tagbase.OutcomeReport;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.OutboxEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Turns stored outcomes into tagbase outcome reports (platform-api §1.2). */
final class Reports {
    /** The contract's timestamp form: UTC, six fractional digits. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Reports() {
    }

    static OutcomeReport of(OutboxEntry e) {
        boolean configured = e.outcome() == Outcome.CONFIGURED;
        return new OutcomeReport(e.tagId(), configured, e.chipUid(), configured ? null : e.reason(), e.detail(),
                e.keySetVersion(), e.occurredAt(), e.station(), e.attempts());
    }

    static String timestamp(Instant t) {
        return TIMESTAMP.format(t);
    }
}
