package com.tagline.station.sync;

import com.tagline.station.platform.Credential;
import com.tagline.station.platform.ixkio.IxkioClient;
import com.tagline.station.platform.ixkio.ManifestRow;
import com.tagline.station.platform.ixkio.TagCodeRef;
import com.tagline.station.platform.ixkio.UpdateResult;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.StoreAccess;
import java.util.List;
import java.util.Optional;

/**
 * Outcomes to ixkio (platform-api §2.2): for each configured outcome, one PATCH of the tag code by XUID
 * with the imported manifest row's {@link ManifestRow#activation() activation} ({@code ix_status=Active},
 * {@code ix_assigned=Assigned} and the row's optional fields). A PATCH sets absolute values, so a row
 * whose call got no answer is simply sent again.
 *
 * <ul>
 * <li>{@code updated} → applied; {@code 200} with a {@code message} → rejected (platform-api §2.1), with the
 *     platform's message. A configured outcome without a manifest row (nothing to send) is rejected the same way.</li>
 * <li>{@code failed} outcomes (attempts ran out) are reported locally only and the tag code left Inactive:
 *     {@link Delivery.Kind#LOCAL}, no call made.</li>
 * </ul>
 */
public final class IxkioSink implements OutcomeSink {
    /** last_error of a failed outcome closed locally. */
    public static final String REPORTED_LOCALLY = "failed outcome reported locally only; tag code left Inactive,"
            + " no ixkio call";

    private final StoreAccess store;
    private final IxkioClient client;

    public IxkioSink(StoreAccess store, IxkioClient client) {
        this.store = store;
        this.client = client;
    }

    @Override
    public String platform() {
        return "ixkio";
    }

    @Override
    public int rowsPerCall(int batchSize) {
        return 1;
    }

    @Override
    public InDoubt settle(List<OutboxEntry> inDoubt) {
        return InDoubt.sendAgain();
    }

    @Override
    public List<Delivery> deliver(List<OutboxEntry> rows) {
        return rows.stream().map(this::deliver).toList();
    }

    private Delivery deliver(OutboxEntry e) {
        if (e.outcome() == Outcome.FAILED) {
            return new Delivery(Delivery.Kind.LOCAL, REPORTED_LOCALLY);
        }
        Optional<ManifestRow> row = store.call(s -> s.manifestJobs().row(e.tagId()));
        if (row.isEmpty()) {
            return new Delivery(Delivery.Kind.REJECTED, "no imported manifest row for tag " + e.tagId()
                    + "; nothing to send to ixkio");
        }
        UpdateResult r = client.update(TagCodeRef.xuid(e.tagId()), row.get().activation());
        return r instanceof UpdateResult.Rejected rejected ? new Delivery(Delivery.Kind.REJECTED, rejected.message())
                : Delivery.of(Delivery.Kind.APPLIED);
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
