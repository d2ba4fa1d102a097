package com.tagline.station.simulate.campaign;

import com.tagline.simulator.platform.FaultSettings;
import com.tagline.station.simulate.SimulatedChips;
import com.tagline.station.simulate.campaign.CampaignChip.Place;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The process-level kill campaign of issue 12. This process is the world ({@link CampaignWorld}: the platform and
 * PN532 emulators, the chips, the bins, the operator); {@code station run} on a hand-fed bench is the only other
 * process. It is started, killed with SIGKILL at a moment drawn uniformly from each life's window (start-up, any
 * personalization step, mid-sync, idle), and started again on the same data directory, {@code kills} times, while
 * the {@link Operator} feeds chips and pulls some. Then a last life drains: the operator settles every chip, the
 * outcomes reach the platform, {@code stop} ends the station cleanly, and {@link CampaignChecks} checks the
 * invariants from the platform, the chips and the store.
 *
 * <p>The seed fixes the chips, the kill moments and the operator's choices; how the two processes interleave
 * still varies with the machine's load, so two runs of one seed cut at the same moments of a life, not at the
 * same bytes.
 */
public final class Campaign {
    private static final long TICK_MILLIS = 10;
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    private final CampaignOptions options;
    private final PrintStream progress;

    public Campaign(CampaignOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs the campaign in {@code dir} (which must exist) and checks the invariants. */
    public CampaignResult run(Path dir) throws IOException {
        Thread endChildren = new Thread(Campaign::endChildren, "campaign-shutdown");
        Runtime.getRuntime().addShutdownHook(endChildren);
        try {
            return runWatched(dir);
        } finally {
            Runtime.getRuntime().removeShutdownHook(endChildren);
        }
    }

    /**
     * A campaign ended by a signal (SIGTERM, or SIGINT sent to it alone) runs no finally block: its station
     * process and the pty's socat would live on, the station holding the data directory's lock. The shutdown hook
     * ends them, as the campaign's last life would have been ended.
     */
    private static void endChildren() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        if (!children.isEmpty()) {
            System.err.println("campaign: ended by a signal; " + children.size()
                    + " child processes (the station, socat) ended too");
        }
    }

    private CampaignResult runWatched(Path dir) throws IOException {
        long t0 = System.nanoTime();
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom killDice = root.split();
        SplittableRandom operatorDice = root.split();
        SimulatedChips factory = new SimulatedChips(root.nextLong(), options.defectRate());
        Tally tally = new Tally();
        try (WorldErrors worldErrors = WorldErrors.watch();
             CampaignWorld world = CampaignWorld.open(dir, options.protocol(), options.seed());
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(dir.resolve("campaign.log")), true)) {
            Operator operator = new Operator(world.reader.emulator(), factory, options.protocol(), operatorDice,
                    options.pullRate(), tally);
            world.platform.faults().set(new FaultSettings(false, options.latency().toMillis(), 0, options.dropRate()));
            int life = 0;
            while (tally.kills() < options.kills()) {
                long killAt = killDice.nextLong(options.life().toMillis());
                StationProcess p = StationProcess.start(++life, world.config, world.stationEnv(), dir, log);
                operator.lifeStarted(p);
                live(p, operator, world, tally, killAt);
                if (p.alive()) {
                    String moment = moment(operator, world);
                    boolean unsynced = !synced(operator, world);
                    p.kill();
                    tally.killed(moment, unsynced);
                    log.println("campaign: life " + life + " killed at " + killAt + " ms (" + moment
                            + (unsynced ? ", outcomes waiting to sync" : "") + ")");
                } else {
                    tally.exited("life " + life + " ended by itself with exit code " + p.awaitExit(Duration.ZERO)
                            + " after " + p.ageMillis() + " ms (see campaign.log)");
                }
                operator.lifeEnded();
                if (tally.kills() % 10 == 0 && tally.kills() > 0) {
                    progress.printf("campaign: %d/%d kills, %d chips%n", tally.kills(), options.kills(),
                            operator.chips().size());
                }
            }
            StationProcess last = StationProcess.start(++life, world.config, world.stationEnv(), dir, log);
            operator.lifeStarted(last);
            drain(last, operator, world, tally);
            world.platform.faults().set(FaultSettings.NONE); // the checks ask the platform themselves
            CampaignChecks checks = new CampaignChecks(world, operator.chips(), dir.resolve("data").resolve("station.db"))
                    .run();
            return result(operator.chips(), checks, tally, world, worldErrors, life,
                    (System.nanoTime() - t0) / 1_000_000_000L);
        }
    }

    /** One life until its kill moment (or until it ends by itself): the operator works, tags are topped up. */
    private static void live(StationProcess p, Operator operator, CampaignWorld world, Tally tally, long killAt) {
        StartCheck start = new StartCheck(p, world);
        while (p.alive() && p.ageMillis() < killAt) {
            operator.tick(true);
            start.once(operator, tally);
            world.topUp();
            if (!operator.running() && p.ageMillis() > START_LIMIT.toMillis()) {
                tally.hang("life " + p.life() + " did not start within " + START_LIMIT.toSeconds() + " s");
                return;
            }
            pause();
        }
    }

    /**
     * The last life: no fresh chips; the operator settles every chip (puts back or scraps what the station waits for),
     * the platform receives every configured chip, then {@code stop}.
     */
    private static void drain(StationProcess p, Operator operator, CampaignWorld world, Tally tally) {
        long end = System.nanoTime() + DRAIN_LIMIT.toNanos();
        StartCheck start = new StartCheck(p, world);
        while (System.nanoTime() < end && p.alive()
                && !(operator.running() && operator.settled() && synced(operator, world))) {
            operator.tick(false);
            start.once(operator, tally);
            world.topUp();
            pause();
        }
        if (!operator.settled() || !synced(operator, world)) {
            tally.hang("the drain did not settle within " + DRAIN_LIMIT.toSeconds() + " s: " + operator.chips().stream()
                    .filter(c -> c.place == Place.HAND || c.place == Place.ANTENNA || c.awaited).toList());
        }
        p.send("stop");
        OptionalInt code = p.awaitExit(STOP_LIMIT);
        operator.tick(false);
        if (code.isEmpty()) {
            tally.hang("stop did not end the station within " + STOP_LIMIT.toSeconds() + " s");
            p.kill();
        } else if (code.getAsInt() != 0) {
            tally.exited("the final stop exited " + code.getAsInt());
        }
        operator.atAntenna().ifPresent(c -> world.reader.emulator().removeChip(c.inField));
    }

    /**
     * Once a life is running: every chip the store held a tag for before the life began was named by the station
     * at start-up (the {@code CHIP_AWAITED} alarm, {@code chip_awaited}), so a new shift knows what to put back.
     */
    private static final class StartCheck {
        private final StationProcess p;
        private final Path database;
        private final long startedMillis = System.currentTimeMillis();
        private boolean done;

        StartCheck(StationProcess p, CampaignWorld world) {
            this.p = p;
            this.database = world.dir.resolve("data").resolve("station.db");
        }

        void once(Operator operator, Tally tally) {
            if (done || !operator.running()) {
                return;
            }
            done = true;
            for (String chip : HeldTags.chipsHoldingSince(database, startedMillis)) {
                if (!operator.namedThisLife().contains(chip)) {
                    tally.violation("life " + p.life() + ": the store holds a tag for chip " + chip
                            + " but the station did not say at start-up that it waits for it");
                }
            }
        }
    }

    /** The platform shows as many configured tags as the good bin holds chips. */
    private static boolean synced(Operator operator, CampaignWorld world) {
        return world.platform.state().tags("configured")
                == operator.chips().stream().filter(c -> c.place == Place.GOOD).count();
    }

    /** What a kill at this instant cuts at the antenna, as seen from outside the station. */
    private static String moment(Operator operator, CampaignWorld world) {
        if (!operator.running()) {
            return "start-up";
        }
        var chip = operator.atAntenna();
        if (chip.isPresent() && chip.get().outcome == null) {
            WatchedChip c = chip.get().inField;
            if (c.commands() == chip.get().commandsAtPlacement) {
                return "chip placed, not yet seen";
            }
            return c.lastCommand(100).map(x -> "command " + x).orElse("between commands, after " + c.lastCommand());
        }
        return "no chip at work";
    }

    private static CampaignResult result(List<CampaignChip> chips, CampaignChecks checks, Tally tally,
                                         CampaignWorld world, WorldErrors worldErrors, int lives, long seconds) {
        return new CampaignResult(tally.kills(), lives, (int) chips.stream().filter(c -> c.placements > 0).count(),
                (int) chips.stream().filter(c -> c.place == Place.GOOD).count(),
                (int) chips.stream().filter(c -> c.place == Place.SCRAP).count(), checks.complete,
                chips.stream().mapToInt(c -> c.pullsWhileDown + c.inField.pulls()).sum(), checks.lost, checks.tagsOnTwoChips, checks.chipsOnTwoTags,
                checks.duplicates, world.platform.state().reports("duplicate"), tally.hangs().size(),
                tally.errorCount(), worldErrors.count(), tally.moments(), tally.killsMidSync(),
                java.util.stream.Stream.concat(tally.violations().stream(), checks.violations.stream()).toList(),
                tally.hangs(), tally.errors(), worldErrors.lines(),
                tally.exits(),
                seconds);
    }

    private static void pause() {
        try {
            Thread.sleep(TICK_MILLIS); // polling another process and the emulators' state; nothing to wait on here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("campaign interrupted", e);
        }
    }
}
