package com.tagline.simulator.platform.tagbase;

import com.tagline.hardware.tag.ChipProtocol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One tag's mutable state inside {@link TagbaseLedger}; guarded by the ledger's lock, never handed
 * out (callers get {@link TagView}s).
 */
final class TagRecord {
    final String id;
    final String account;
    final ChipProtocol protocol;
    final String url;
    /** Creation order: leases hand out the oldest first (platform-api §1.2). */
    final long sequence;
    TagStatus status = TagStatus.CREATED;
    Instant configuredAt;
    String uid;
    /** The highest SUN counter of a valid verification, -1 before the first. */
    int lastCounter = -1;
    /** Keys of the reports applied to this tag, for {@code duplicate} answers. */
    final Set<String> appliedReports = new HashSet<>();
    /** Every answer given to a report entry for this tag, in order (what a fault test checks exactly-once on). */
    final List<ReportResult.Kind> answers = new ArrayList<>(1);

    TagRecord(String id, String account, ChipProtocol protocol, String url, long sequence) {
        this.id = id;
        this.account = account;
        this.protocol = protocol;
        this.url = url;
        this.sequence = sequence;
    }

    TagView view() {
        return new TagView(id, account, protocol, url, status, configuredAt, uid);
    }
}
