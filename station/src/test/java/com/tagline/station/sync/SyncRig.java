package com.tagline.station.sync;

import com.tagline.hardware.retry.Backoff;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.line.SimulatedClock;
import com.tagline.simulator.platform.FaultSettings;
import com.tagline.simulator.platform.tagbase.TagStatus;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.personalize.Reason;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.tagbase.Lease;
import com.tagline.station.platform.tagbase.LeasedTag;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.ImportedOutcome;
import com.tagline.station.store.LeasedJob;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.workflow.LeasePolicy;
import com.tagline.station.workflow.Leasing;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The station's platform side against a real {@link TagbaseEmulator} over loopback HTTP and a real
 * SQLite file, all on one {@link SimulatedClock}: the store, the {@link TagbaseClient}, {@link Leasing}
 * and {@link OutboxSync}. Outcomes are produced by the real store API on leased tags, each chip with
 * its own fixed 14-hex-digit UID. The API key is random per rig and never printed.
 */
public final class SyncRig implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    public static final ChipProtocol P424 = ChipProtocol.NTAG_424_DNA;
    public static final String STATION = "line-1";

    public final SimulatedClock clock = new SimulatedClock(T0);
    public final Alarms alarms = new Alarms();
    public final TagbaseEmulator emulator;
    public final TagbaseClient client;
    public final Store store;
    public final StoreAccess access;
    public final Leasing leasing;
    public final OutboxSync sync;
    private final String apiKey = "stn_" + UUID.randomUUID().toString().replace("-", "");
    /** Every outbox row produced by {@link #configure} and {@link #fail}, in order. */
    public final List<Long> rows = new ArrayList<>();
    private final Map<String, String> uids = new HashMap<>();
    private final Set<String> failedTags = new HashSet<>();

    private SyncRig(Path dir, SyncPolicy syncPolicy, LeasePolicy leasePolicy, int queueLimit) {
        emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(apiKey).withPort(0).withClock(clock));
        client = openClient();
        store = Store.open(StoreConfig.of(dir.resolve("station.db"), STATION).withClock(clock).withMinFreeBytes(0)
                .withQueueLimit(queueLimit));
        access = StoreAccess.direct(store);
        leasing = new Leasing(access, client, leasePolicy, STATION, clock, alarms);
        sync = new OutboxSync(access, new TagbaseSink(client), syncPolicy,
                Backoff.jittered(syncPolicy.backoffInitial(), syncPolicy.backoffMax(), new Random(7)), clock, alarms);
    }

    /** Batches of {@code batchSize}, idle interval 1 s, backoff 1 s .. 8 s; leases up to 500 tags. */
    public static SyncRig start(Path dir, int batchSize) {
        return start(dir, new SyncPolicy(batchSize, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(8)),
                new LeasePolicy(List.of(P424), 0, 500, Duration.ofHours(2), Duration.ofSeconds(5)),
                StoreConfig.DEFAULT_QUEUE_LIMIT);
    }

    public static SyncRig start(Path dir, SyncPolicy syncPolicy, LeasePolicy leasePolicy, int queueLimit) {
        return new SyncRig(dir, syncPolicy, leasePolicy, queueLimit);
    }

    /** Another client of the same account (a second station, or a direct report). */
    public TagbaseClient openClient() {
        return TagbaseClient.open(new HttpEndpoint(URI.create(emulator.baseUrl()), apiKey, Duration.ofSeconds(2),
                Duration.ofSeconds(5)), clock);
    }

    /** The rig's API key, for a client of its own; never print it (architecture §6). */
    public String apiKey() {
        return apiKey;
    }

    /** Seeds {@code n} pending NTAG 424 DNA tags on the platform and leases them through {@link Leasing}. */
    public List<String> seedAndLease(int n) {
        List<String> ids = emulator.seedTags(apiKey, n, ChipProtocol.NTAG_424_DNA, "https://t.example/p");
        leasing.runOnce();
        return ids;
    }

    /**
     * Leases {@code n} already seeded tags straight through the client, 500 per call, and records them as
     * {@link Leasing} would ({@code jobs().record}): a large backlog's set-up without Leasing's water marks.
     */
    public List<LeasedTag> leaseAll(int n) {
        List<LeasedTag> tags = new ArrayList<>(n);
        while (tags.size() < n) {
            Lease lease = client.lease(STATION, List.of(P424), Math.min(500, n - tags.size()));
            if (lease.tags().isEmpty()) {
                throw new AssertionError("the emulator leased no more tags after " + tags.size());
            }
            store.jobs().record(lease.tags().stream()
                    .map(t -> new LeasedJob(t.id(), t.protocol(), t.url(), lease.id(), lease.expiresAt())).toList());
            tags.addAll(lease.tags());
        }
        return tags;
    }

    /**
     * The outcomes of chips on {@code tags}, written with {@link Store#importOutcomes} (one transaction, the
     * rows beginAttempt, completeAttempt and jobs().finish write): every {@code failEvery}-th chip failed
     * (verify mismatch), the others configured, each on its own chip ({@link #uidOf}). The chips share the
     * clock's time; afterwards the clock moves on 1 ms per chip.
     *
     * @param failEvery 0 for no failures
     * @return the outbox rows, in the order of {@code tags}
     */
    public List<Long> importOutcomes(List<LeasedTag> tags, int failEvery) {
        List<ImportedOutcome> chips = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i).id();
            boolean failed = failEvery > 0 && i % failEvery == failEvery - 1;
            chips.add(failed
                    ? new ImportedOutcome(tag, uidOf(tag), P424, Outcome.FAILED, Reason.VERIFY_MISMATCH,
                            "SUN MAC did not verify after write", null)
                    : new ImportedOutcome(tag, uidOf(tag), P424, Outcome.CONFIGURED, Reason.CONFIGURED, "", 3));
        }
        List<Long> ids = store.importOutcomes(chips);
        chips.stream().filter(c -> c.outcome() == Outcome.FAILED).forEach(c -> failedTags.add(c.tagId()));
        rows.addAll(ids);
        clock.advance(Duration.ofMillis(tags.size()));
        return ids;
    }

    /** The tags this rig recorded a failed outcome for. */
    public Set<String> failedTags() {
        return Set.copyOf(failedTags);
    }

    /** The oldest available leased tag. */
    public String nextTag() {
        return store.jobs().next(P424, Instant.EPOCH).orElseThrow(() -> new AssertionError("no leased tag")).tagId();
    }

    /** The chip UID this rig uses for {@code tagId}: 14 upper-case hex digits, one per tag. */
    public String uidOf(String tagId) {
        return uids.computeIfAbsent(tagId, t -> String.format("04A1B2%08X", uids.size() + 1));
    }

    /** A configured outcome for {@code tagId} on its own chip, through beginAttempt and completeAttempt. */
    public long configure(String tagId) {
        long attempt = store.beginAttempt(tagId, uidOf(tagId), P424);
        long row = store.completeAttempt(attempt, Outcome.CONFIGURED, Reason.CONFIGURED, "", 3);
        store.jobs().finish(tagId);
        rows.add(row);
        clock.advance(Duration.ofMillis(1_234));
        return row;
    }

    /** A failed outcome (verify mismatch, attempts used up) for {@code tagId}. */
    public long fail(String tagId) {
        long attempt = store.beginAttempt(tagId, uidOf(tagId), P424);
        long row = store.completeAttempt(attempt, Outcome.FAILED, Reason.VERIFY_MISMATCH,
                "SUN MAC did not verify after write", null);
        failedTags.add(tagId);
        store.jobs().finish(tagId);
        rows.add(row);
        clock.advance(Duration.ofMillis(1_234));
        return row;
    }

    /**
     * Runs sync passes, moving the clock to each pass's due time, until the outbox is drained.
     *
     * @return whether it drained within {@code maxPasses}
     */
    public boolean drain(int maxPasses) {
        for (int i = 0; i < maxPasses; i++) {
            if (sync.drained()) {
                return true;
            }
            clock.advanceTo(sync.runOnce());
        }
        return sync.drained();
    }

    public int outbox(String state) {
        return store.outbox().counts().getOrDefault(state, 0);
    }

    public OutboxEntry row(long outboxId) {
        return store.outbox().entry(outboxId).orElseThrow();
    }

    public TagbaseState platform() {
        return emulator.state();
    }

    public Optional<TagStatus> status(String tagId) {
        return emulator.tagStatus(tagId);
    }

    public void faults(FaultSettings f) {
        emulator.faults().set(f);
    }

    public void revokeKey() {
        emulator.revokeApiKey(apiKey);
    }

    public void restoreKey() {
        emulator.addApiKey(apiKey, TagbaseEmulatorConfig.DEFAULT_ACCOUNT);
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            try {
                emulator.close();
            } finally {
                store.close();
            }
        }
    }
}
