package com.tagline.station.sync;

import com.tagline.station.platform.Credential;
import com.tagline.station.store.OutboxEntry;
import java.util.List;

/**
 * Where a station's outcomes go, one per platform (architecture §2: the seam beside {@code JobSource}):
 * tagbase takes a batch of reports per call ({@link TagbaseSink}), ixkio one PATCH per configured code
 * ({@link IxkioSink}). {@link OutboxSync} owns everything else: the schedule, backoff, alarms,
 * quarantine and the outbox states.
 *
 * <p>Failures of a whole call are exceptions: {@link com.tagline.station.platform.PlatformStatusException}
 * (an HTTP status: nothing was applied) or {@link com.tagline.station.platform.PlatformException} (no
 * usable answer: the call may have been applied). Threading: the sync's one thread.
 */
public interface OutcomeSink extends AutoCloseable {
    /** The platform's name for messages, e.g. {@code tagbase}. */
    String platform();

    /** How many of a batch of {@code batchSize} rows one call carries. */
    int rowsPerCall(int batchSize);

    /**
     * Of rows sent earlier without an answer, those the platform shows applied; the rest are sent again.
     * A sink whose calls are idempotent absolute updates may answer "none" without asking.
     */
    InDoubt settle(List<OutboxEntry> inDoubt);

    /** Delivers the rows of one call; one {@link Delivery} per row, in order. */
    List<Delivery> deliver(List<OutboxEntry> rows);

    /** The token this sink sends (reloaded after a refusal). */
    Credential credential();

    @Override
    void close();

    /**
     * What {@link #settle} found.
     *
     * @param applied   ids of rows the platform shows applied
     * @param asked     whether the platform answered (it is reachable and takes our token)
     */
    record InDoubt(List<Long> applied, boolean asked) {
        public InDoubt {
            applied = List.copyOf(applied);
        }

        /** Nothing asked, nothing known applied: every row is sent again. */
        public static InDoubt sendAgain() {
            return new InDoubt(List.of(), false);
        }
    }
}
