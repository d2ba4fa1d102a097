package com.tagline.station.sync;

import com.tagline.station.platform.Credential;
import com.tagline.station.platform.tagbase.OutcomeReport;
import com.tagline.station.platform.tagbase.ReportResult;
import com.tagline.station.platform.tagbase.TagState;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Outcomes to tagbase (platform-api §1.2): a batch of outcome reports per call to
 * {@code POST /api/v1/tag_configurations}. A configured report whose call got no answer was applied when
 * its tag reads back {@code configured} at exactly our {@code configured_at}; anything else is sent again,
 * which the platform answers {@code duplicate} when it had applied it.
 */
public final class TagbaseSink implements OutcomeSink {
    private final TagbaseClient client;

    public TagbaseSink(TagbaseClient client) {
        this.client = client;
    }

    @Override
    public String platform() {
        return "tagbase";
    }

    @Override
    public int rowsPerCall(int batchSize) {
        return batchSize;
    }

    @Override
    public InDoubt settle(List<OutboxEntry> inDoubt) {
        List<Long> applied = new ArrayList<>();
        boolean asked = false;
        for (OutboxEntry e : inDoubt) {
            if (e.outcome() == Outcome.CONFIGURED) {
                asked = true;
                if (appliedBefore(e)) {
                    applied.add(e.outboxId());
                }
            }
        }
        return new InDoubt(applied, asked);
    }

    /** The tag reads back configured at exactly our configured_at: our report was applied. */
    private boolean appliedBefore(OutboxEntry e) {
        Optional<TagState> tag = client.tag(e.tagId());
        String ours = Reports.timestamp(e.occurredAt());
        return tag.isPresent() && tag.get().configured() && tag.get().configuredAt().map(ours::equals).orElse(false);
    }

    @Override
    public List<Delivery> deliver(List<OutboxEntry> rows) {
        List<ReportResult> results = client.report(rows.stream().map(Reports::of).toList());
        return results.stream().map(TagbaseSink::delivery).toList();
    }

    private static Delivery delivery(ReportResult r) {
        return switch (r.kind()) {
            case ACCEPTED -> Delivery.of(Delivery.Kind.APPLIED);
            case DUPLICATE -> Delivery.of(Delivery.Kind.DUPLICATE);
            case CONFLICT -> new Delivery(Delivery.Kind.CONFLICT, r.detail());
            case REJECTED -> new Delivery(Delivery.Kind.REJECTED, r.detail());
        };
    }

    @Override
    public Credential credential() {
        return client.credential();
    }

    @Override
    public void close() {
        client.close();
    }
}
