package com.tagline.station.workflow;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.ChipState;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.Step;
import com.tagline.station.personalize.StepListener;
import com.tagline.station.store.AttemptRecord;
import com.tagline.station.store.AttemptState;
import com.tagline.station.store.HeldTag;
import com.tagline.station.store.LeasedJob;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station workflow for one chip at the antenna (issue 6, architecture §5): check its kind, find
 * its tag (the one it is already bound to, or the oldest leased tag of its protocol), commit the
 * attempt, personalize with the recipe of its protocol while every step's intent is committed first,
 * and record the outcome. A chip lost mid-exchange is activated again in place and resumes; a failed
 * tag goes to the next chip until its attempts run out, then its {@code failed} outcome is queued.
 *
 * <p>No tag is ever put on a second chip once configured, and no chip serves two tags: the store
 * refuses both (unique bindings), and a chip already bound is resumed on its own tag. From its first
 * irreversible step on, a tag belongs to its chip (architecture §5; the store takes the hold with that
 * step's intent): a failure of that chip keeps the tag with it, to be resumed when it comes back, and the
 * tag goes to another chip only after {@link #release} (the gate rejected the chip, an operator scrapped it).
 *
 * <p>Threading: the reader's thread; the store is reached through {@link StoreAccess}.
 *
 * <p>Failures: chip problems are outcomes, never exceptions. A {@link com.tagline.station.store.StoreException}
 * while recording propagates: the station must stop rather than encode what it cannot record.
 */
public final class ChipEncoder {
    private static final Logger log = LoggerFactory.getLogger(ChipEncoder.class);

    private final StoreAccess store;
    private final Map<ChipProtocol, ChipRecipe> recipes;
    private final EncodingPolicy policy;
    private final int keySetVersion;
    private final Clock clock;
    private final Alarms alarms;
    private final AwaitedChips holds;
    private final WorkSupply supply;
    /** When the chip at the antenna began waiting for a lease; null while not waiting. Reader thread only. */
    private Instant waitingSince;

    /** @param recipes the recipe per protocol this station encodes; its jobs are leased tags */
    public ChipEncoder(StoreAccess store, Map<ChipProtocol, ChipRecipe> recipes, EncodingPolicy policy, int keySetVersion,
                       Clock clock, Alarms alarms) {
        this(store, recipes, policy, keySetVersion, clock, alarms, WorkSupply.LEASES);
    }

    /** @param supply where the jobs come from, for what a chip without one says */
    public ChipEncoder(StoreAccess store, Map<ChipProtocol, ChipRecipe> recipes, EncodingPolicy policy, int keySetVersion,
                       Clock clock, Alarms alarms, WorkSupply supply) {
        this.supply = supply;
        this.store = store;
        this.recipes = Map.copyOf(recipes);
        this.policy = policy;
        this.keySetVersion = keySetVersion;
        this.clock = clock;
        this.alarms = alarms;
        this.holds = new AwaitedChips(store, alarms);
    }

    /** Encodes whatever chip is at the antenna. */
    public EncodeOutcome encode(Antenna antenna) {
        return encode(antenna, () -> false);
    }

    /**
     * Encodes whatever chip is at the antenna, stopping before the next step once {@code aborted}
     * says so (e-stop, shutdown): the attempt is then recorded as interrupted, never configured, and
     * the chip resumes when it is encoded again.
     */
    public EncodeOutcome encode(Antenna antenna, BooleanSupplier aborted) {
        long t0 = System.nanoTime();
        Optional<ChipInField> chip = antenna.detect();
        EncodeOutcome outcome = chip.isEmpty()
                ? new EncodeOutcome(Optional.empty(), Optional.empty(), Reason.TAG_LOST,
                        "no chip answered at the antenna", false, false, Duration.ZERO)
                : encode(antenna, chip.get(), aborted, 0);
        outcome = finished(outcome, chip.flatMap(ChipInField::protocol), Duration.ofNanos(System.nanoTime() - t0));
        if (outcome.reason() == Reason.NO_JOB) {
            waiting(outcome);
            return outcome;
        }
        if (waitingSince != null) {
            log.info("event=waiting_ended what={} waited_ms={}", supply.waitingFor(),
                    Duration.between(waitingSince, clock.instant()).toMillis());
            waitingSince = null;
        }
        log.info("event=chip tag={} uid={} protocol={} outcome={} final={} duration_ms={} detail=\"{}\"",
                outcome.tagId().orElse("-"), outcome.uidHex().orElse("-"),
                outcome.protocol().map(ChipProtocol::code).orElse("-"), outcome.reason().code(), outcome.tagFinal(),
                outcome.duration().toMillis(), outcome.detail());
        return outcome;
    }

    /**
     * After a restart (crash, power loss): every attempt the store still has in flight is resolved
     * from the chip at the antenna when it is that attempt's chip (it resumes from what the chip
     * shows), or else marked interrupted: never configured, and a tag its chip took stays with it. Then the
     * station says which chips it waits for ({@link Alarm#CHIP_AWAITED}), also those lost before the restart.
     *
     * @return the outcomes of the chips resumed (none when nothing was in flight)
     */
    public List<EncodeOutcome> recover(Antenna antenna) {
        List<AttemptRecord> inFlight = store.call(s -> s.attemptsInFlight());
        if (inFlight.isEmpty()) {
            holds.refresh();
            return List.of();
        }
        Optional<String> atAntenna = antenna.detect().map(ChipInField::uidHex);
        List<EncodeOutcome> resumed = new ArrayList<>();
        for (AttemptRecord a : inFlight) {
            if (atAntenna.filter(a.chipUid()::equals).isPresent()) {
                log.warn("event=recover attempt={} tag={} uid={} step={} action=resume_from_chip", a.attemptId(),
                        a.tagId(), a.chipUid(), a.stepReached().map(Enum::name).orElse("-"));
                resumed.add(encode(antenna, () -> false));
            } else {
                store.run(s -> s.markInterrupted(a.attemptId()));
                log.warn("event=recover attempt={} tag={} uid={} step={} action=interrupted (chip not at the antenna)",
                        a.attemptId(), a.tagId(), a.chipUid(), a.stepReached().map(Enum::name).orElse("-"));
            }
        }
        holds.refresh();
        return resumed;
    }

    /** @param rereads how often this chip was read again after a misread UID (bounded by the reactivations) */
    private EncodeOutcome encode(Antenna antenna, ChipInField chip, BooleanSupplier aborted, int rereads) {
        ChipRecipe recipe = chip.protocol().map(recipes::get).orElse(null);
        if (recipe == null) {
            return untagged(chip, Reason.WRONG_CHIP, "chip kind " + chip.kind() + " is not encoded here (protocols "
                    + recipes.keySet() + ")");
        }
        ChipProtocol protocol = chip.protocol().get();
        Optional<AttemptRecord> before = store.call(s -> s.latestAttemptOfChip(chip.uidHex()));
        if (before.isPresent() && before.get().state() == AttemptState.CONFIGURED) {
            return configuredBefore(antenna, chip, recipe, before.get());
        }
        Optional<LeasedJob> job = before.isPresent() ? ownTag(before.get()) : nextJob(protocol);
        if (job.isEmpty()) {
            return before.isPresent()
                    ? untagged(chip, Reason.NOT_BLANK, "chip was already used for tag " + before.get().tagId()
                            + ", which is no longer open here; never reused for another tag")
                    : untagged(chip, Reason.NO_JOB, supply.none(protocol));
        }
        if (job.get().protocol() != protocol) {
            return untagged(chip, Reason.WRONG_CHIP, "tag " + job.get().tagId() + " is " + job.get().protocol()
                    + ", the chip is " + protocol);
        }
        before.filter(a -> a.state() == AttemptState.IN_FLIGHT || a.state() == AttemptState.INTERRUPTED)
                .ifPresent(a -> store.run(s -> s.failAttempt(a.attemptId(), Reason.INTERRUPTED,
                        "attempt interrupted; the chip came back and resumes")));
        return personalize(antenna, chip, recipe, job.get(), aborted, rereads);
    }

    /** Runs the recipe, reactivating a chip lost mid-exchange in place, and records the outcome. */
    private EncodeOutcome personalize(Antenna antenna, ChipInField first, ChipRecipe recipe, LeasedJob job,
                                      BooleanSupplier aborted, int rereads) {
        ChipInField chip = first;
        boolean resumed = false;
        for (int reactivation = 0; ; reactivation++) {
            ChipInField current = chip;
            long attemptId = store.call(s -> s.beginAttempt(job.tagId(), current.uidHex(), job.protocol()));
            StepListener recorder = store.call(s -> s.intentRecorder(attemptId));
            StepListener intents = (step, uid) -> {
                if (aborted.getAsBoolean()) {
                    throw new EncodingAbortedException("encoding aborted before " + step);
                }
                store.run(s -> recorder.beforeStep(step, uid));
            };
            PersonalizationResult result = recipe.personalize(chip.link(), job.url(), intents);
            if (aborted.getAsBoolean() && !result.configured()) {
                // A chip that reached configured before the stop is recorded as what it is: interrupting it
                // would reject a finished chip and hand its tag to the next one.
                store.run(s -> s.markInterrupted(attemptId));
                return new EncodeOutcome(Optional.of(job.tagId()), Optional.of(current.uidHex()), Reason.INTERRUPTED,
                        "encoding aborted (e-stop or shutdown); the chip resumes when encoded again", false, false,
                        Duration.ZERO);
            }
            if (result.reason() == Reason.COUNTERFEIT && rereads < policy.reactivations()) {
                Optional<ChipInField> again = antenna.reactivate();
                if (again.isPresent() && !again.get().uidHex().equals(current.uidHex())) {
                    return misread(antenna, attemptId, current, again.get(), result, aborted, rereads);
                }
            }
            resumed |= reactivation > 0 || result.initialState() == ChipState.PARTIAL;
            if (result.reason() == Reason.TAG_LOST && reactivation < policy.reactivations()) {
                Optional<ChipInField> again = sameChipAgain(antenna, current);
                if (again.isPresent()) {
                    store.run(s -> s.failAttempt(attemptId, Reason.TAG_LOST, result.detail() + "; reactivated in place"));
                    chip = again.get();
                    continue;
                }
            }
            return record(attemptId, job, chip, result, resumed);
        }
    }

    /**
     * A chip judged counterfeit under its anticollision UID reads back with another UID: the PN532 frame that
     * carried the UID was garbled and still passed its 8-bit checksum (UM0701-02 §6.2.1.1), so the UID was misread,
     * not forged. Its attempt ends as a line error (no irreversible step ran: the originality and GetVersion checks
     * come first) and the chip is encoded under the UID it reads back with.
     */
    private EncodeOutcome misread(Antenna antenna, long attemptId, ChipInField misread, ChipInField again,
                                  PersonalizationResult result, BooleanSupplier aborted, int rereads) {
        String why = "anticollision UID " + misread.uidHex() + " was misread on the line: the chip reads back as "
                + again.uidHex() + " (" + result.detail() + ")";
        store.run(s -> s.failAttempt(attemptId, Reason.CHIP_ERROR, why));
        log.warn("event=uid_misread read={} chip={} detail=\"{}\"", misread.uidHex(), again.uidHex(), result.detail());
        return encode(antenna, again, aborted, rereads + 1);
    }

    private EncodeOutcome record(long attemptId, LeasedJob job, ChipInField chip, PersonalizationResult result,
                                 boolean resumed) {
        // Chips, not attempt rows: an in-place reactivation or a resume after an e-stop is the same chip.
        int chipsTried = store.call(s -> s.chipsTried(job.tagId()));
        boolean held = !result.configured() && store.call(s -> s.jobs().heldBy(job.tagId()))
                .filter(chip.uidHex()::equals).isPresent();
        boolean last = result.configured() || result.reason() == Reason.URL_TOO_LONG
                || !held && chipsTried >= policy.maxAttemptsPerTag();
        String detail = detail(job, result, held);
        store.run(s -> {
            if (!last) {
                s.failAttempt(attemptId, result.reason(), detail);
                return;
            }
            if (result.configured()) {
                s.completeAttempt(attemptId, Outcome.CONFIGURED, Reason.CONFIGURED, detail, keySetVersion);
            } else {
                s.completeAttempt(attemptId, Outcome.FAILED, result.reason(), detail, null);
            }
        });
        holds.refresh();
        return new EncodeOutcome(Optional.of(job.tagId()), Optional.of(chip.uidHex()), result.reason(), detail, last,
                resumed && result.configured(), Duration.ZERO);
    }

    /** The result's detail, plus what the record must keep: the chips a configured tag replaced, a tag held. */
    private String detail(LeasedJob job, PersonalizationResult result, boolean held) {
        String detail = result.detail() == null ? "" : result.detail();
        if (held) {
            return detail + "; tag " + job.tagId() + " stays with this chip: put it back on the antenna to finish it,"
                    + " or reject or scrap it";
        }
        List<String> replaced = result.configured() ? store.call(s -> s.holds().releases(job.tagId())) : List.of();
        return replaced.isEmpty() ? detail : (detail.isEmpty() ? "" : detail + "; ") + "replaces chip "
                + String.join(", ", replaced);
    }

    /**
     * Chip {@code chipUid} will not ship ({@code why}: the gate rejected it, an operator scrapped it): the
     * tag it held, if any, goes to the next chip, or, when its chips ran out, its {@code failed} outcome is
     * queued. Call on the reader's thread (it decides what the next chip gets).
     *
     * @return the tag released
     */
    public Optional<String> release(String chipUid, String why) {
        Optional<String> tag = store.call(s -> s.holds().release(chipUid, why));
        tag.ifPresent(t -> {
            boolean spent = store.call(s -> s.chipsTried(t)) >= policy.maxAttemptsPerTag();
            if (spent) {
                store.run(s -> s.closeFailedTag(t));
            }
            log.warn("event=tag_released tag={} uid={} why=\"{}\" next={}", t, chipUid, why,
                    spent ? "failed_for_good" : "next_chip");
        });
        holds.refresh();
        return tag;
    }

    /** Tags held by a chip that has not finished them (the chips the station waits for). */
    public List<HeldTag> awaited() {
        return holds.refresh();
    }

    /** The tag a returning chip is bound to, while it is still open here. */
    private Optional<LeasedJob> ownTag(AttemptRecord before) {
        return store.call(s -> s.jobs().job(before.tagId()))
                .filter(j -> store.call(s -> s.jobs().availableTo(j.tagId(), before.chipUid())));
    }

    /** The oldest available leased tag of {@code protocol} whose lease is within the grace. */
    private Optional<LeasedJob> nextJob(ChipProtocol protocol) {
        java.time.Instant cutoff = clock.instant().minus(policy.leaseGrace());
        int expired = store.call(s -> s.jobs().expireBefore(cutoff));
        if (expired > 0) {
            alarms.raise(Alarm.LEASE_EXPIRED, expired + " leased tags expired more than " + policy.leaseGrace()
                    + " ago and will not be used: another station may hold them now");
        }
        Optional<LeasedJob> job = store.call(s -> s.jobs().next(protocol, cutoff));
        if (job.isEmpty()) {
            alarms.raise(Alarm.NO_JOB, supply.alarm(protocol));
        } else {
            alarms.clear(Alarm.NO_JOB);
        }
        return job;
    }

    /**
     * A chip whose UID the store holds as configured came back (round the belt again, put back on a bench, or
     * another chip showing that UID). It is never trusted on its UID alone: the recipe checks it again against
     * its tag (originality signature, keys, the SUN and the NDEF, as after personalizing) and may write nothing.
     * A chip lost during the check is activated again in place and checked from the start, as the encoding path
     * resumes a torn chip. The platform was told once; a chip that does not check out is rejected and the record
     * left as it was.
     */
    private EncodeOutcome configuredBefore(Antenna antenna, ChipInField first, ChipRecipe recipe,
                                           AttemptRecord configured) {
        String tagId = configured.tagId();
        Optional<LeasedJob> job = store.call(s -> s.jobs().job(tagId));
        if (job.isEmpty()) {
            return untagged(first, Reason.NOT_BLANK, "chip was configured for tag " + tagId + ", whose URL this store"
                    + " no longer has, so it cannot be checked again; never reused for another tag");
        }
        Check check = checkAgain(antenna, first, recipe, job.get().url(), tagId);
        ChipInField chip = check.chip();
        PersonalizationResult result = check.result();
        if (result.configured()) {
            return new EncodeOutcome(Optional.of(tagId), Optional.of(chip.uidHex()), Reason.CONFIGURED,
                    "already configured for this tag and checked again; not reported again", false, false,
                    Duration.ZERO);
        }
        // A step refused by VerifyOnly comes back as the recipe's chip_error; it means the chip is not the configured
        // one. Any other failure (lost, a chip error, authentication) keeps its own reason.
        Reason reason = check.refused() ? Reason.VERIFY_MISMATCH : result.reason();
        log.warn("event=configured_chip_failed_check tag={} uid={} found={} detail=\"{}\"", tagId, chip.uidHex(),
                result.initialState(), result.detail());
        String verdict = reason == Reason.VERIFY_MISMATCH
                ? "does not check out as it (" + result.detail() + "): a copy of the UID or a changed chip"
                : "could not be checked again (" + result.detail() + "); present it again to check it";
        return untagged(chip, reason, "UID " + chip.uidHex() + " was configured for tag " + tagId + ", but this chip "
                + verdict + "; nothing written, nothing reported");
    }

    /** The chip at the antenna activated again, when it is {@code lost} (same UID) and not another one put there. */
    private static Optional<ChipInField> sameChipAgain(Antenna antenna, ChipInField lost) {
        return antenna.reactivate().filter(c -> c.uidHex().equals(lost.uidHex()));
    }

    /** A check again: the chip as last activated, what the recipe found, and whether it refused a step. */
    private record Check(ChipInField chip, PersonalizationResult result, boolean refused) {}

    /** Runs the recipe's check, activating a chip lost on the way again in place (same UID) and checking it anew. */
    private Check checkAgain(Antenna antenna, ChipInField first, ChipRecipe recipe, String url, String tagId) {
        ChipInField chip = first;
        VerifyOnly verifyOnly = new VerifyOnly();
        PersonalizationResult result = recipe.personalize(chip.link(), url, verifyOnly);
        for (int reactivation = 0; result.reason() == Reason.TAG_LOST && reactivation < policy.reactivations();
                reactivation++) {
            Optional<ChipInField> again = sameChipAgain(antenna, first);
            if (again.isEmpty()) {
                break;
            }
            log.info("event=configured_chip_reactivated tag={} uid={} detail=\"{}\"", tagId, first.uidHex(),
                    result.detail());
            chip = again.get();
            verifyOnly = new VerifyOnly();
            result = recipe.personalize(chip.link(), url, verifyOnly);
        }
        return new Check(chip, result, verifyOnly.refused);
    }

    /** Lets only VERIFY through: a configured chip never needs another step, so nothing can be written to it. */
    private static final class VerifyOnly implements StepListener {
        private boolean refused;

        @Override
        public void beforeStep(Step step, String uid) {
            if (step != Step.VERIFY) {
                refused = true;
                throw new EncodingAbortedException("chip " + uid + " would need " + step + ", which a configured chip"
                        + " never needs");
            }
        }
    }

    private static EncodeOutcome untagged(ChipInField chip, Reason reason, String detail) {
        return new EncodeOutcome(Optional.empty(), Optional.of(chip.uidHex()), reason, detail, false, false,
                Duration.ZERO);
    }

    /**
     * A chip waiting for a lease is polled again and again (about ten times a second on a bench): the
     * wait is logged once when it starts and once when it ends ({@code waiting_ended}), each poll only at
     * DEBUG (issue 14).
     */
    private void waiting(EncodeOutcome o) {
        if (waitingSince == null) {
            waitingSince = clock.instant();
            log.info("event=waiting what={} protocol={} uid={}", supply.waitingFor(),
                    o.protocol().map(ChipProtocol::code).orElse("-"), o.uidHex().orElse("-"));
        }
        log.debug("event=chip uid={} outcome=no_job", o.uidHex().orElse("-"));
    }

    private static EncodeOutcome finished(EncodeOutcome o, Optional<ChipProtocol> protocol, Duration d) {
        return new EncodeOutcome(o.tagId(), o.uidHex(), o.reason(), o.detail(), o.tagFinal(), o.resumed(), d, protocol);
    }
}
