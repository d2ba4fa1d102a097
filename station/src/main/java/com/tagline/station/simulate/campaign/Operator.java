package com.tagline.station.simulate.campaign;

import com.tagline.simulator.field.TearPoint;
import com.tagline.simulator.pn532.Pn532Emulator;
import com.tagline.station.simulate.BatchProtocol;
import com.tagline.station.simulate.SimulatedChips;
import com.tagline.station.simulate.campaign.CampaignChip.Place;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The operator at a hand-fed bench (issue 12): puts a fresh chip on the antenna, takes it off when the station
 * says it is done (configured: the good bin, which ships; failed: the scrap bin), pulls some chips while the
 * station works on them or while it is down, and deals with the chips in hand: a chip the station waits for is
 * put back on the antenna or scrapped ({@code scrap UID}), at random; a chip whose fate is unknown is put back
 * so the station can say. The operator knows only what the station prints and what the chip in the field does.
 *
 * <p>Threading: the campaign's thread.
 */
final class Operator {
    /** A chip stays in the hand at least this long: nobody puts a chip back within a second of pulling it. */
    private static final long IN_HAND_NANOS = 1_500_000_000L;
    /** A pulled chip leaves at one of its next this many commands (an NTAG 424 DNA personalization takes ~45). */
    private static final int PULL_WITHIN_COMMANDS = 60;
    /**
     * How often the operator, finding the antenna free, takes up a chip from the hand rather than a fresh one: chips
     * put aside stay there a while, so the station often restarts while it waits for one.
     */
    private static final double FROM_HAND = 0.15;
    /** A chip the running station has not finished in this long is a hang (one takes well under a second). */
    private static final long CHIP_LIMIT_NANOS = 30_000_000_000L;

    private final Pn532Emulator field;
    private final SimulatedChips factory;
    private final BatchProtocol batch;
    private final SplittableRandom random;
    private final double pullRate;
    private final Tally tally;
    private final List<CampaignChip> chips = new ArrayList<>();
    private final Map<String, CampaignChip> byUid = new HashMap<>();
    private final Map<CampaignChip, Long> inHandSince = new HashMap<>();
    private final java.util.Set<String> namedThisLife = new java.util.HashSet<>();
    private CampaignChip antenna;
    private StationProcess station;
    private boolean running;
    private long runningSinceNanos;
    private long placedNanos;
    private String scrapSent;
    private long scrapSentNanos;

    Operator(Pn532Emulator field, SimulatedChips factory, BatchProtocol batch, SplittableRandom random, double pullRate,
             Tally tally) {
        this.field = field;
        this.factory = factory;
        this.batch = batch;
        this.random = random;
        this.pullRate = pullRate;
        this.tally = tally;
    }

    List<CampaignChip> chips() {
        return List.copyOf(chips);
    }

    Optional<CampaignChip> atAntenna() {
        return Optional.ofNullable(antenna);
    }

    boolean running() {
        return running;
    }

    /** The chips the station said in this life that it waits for. */
    java.util.Set<String> namedThisLife() {
        return java.util.Set.copyOf(namedThisLife);
    }

    void lifeStarted(StationProcess p) {
        station = p;
        namedThisLife.clear();
        running = false;
        scrapSent = null;
    }

    /** The station died (SIGKILL): the operator may pull the chip on the antenna, or put one there. */
    void lifeEnded() {
        read();
        station = null;
        running = false;
        scrapSent = null;
        if (antenna != null && random.nextDouble() < 0.5) {
            antenna.pullsWhileDown++;
            toHand(take());
        }
        if (antenna == null && random.nextDouble() < 0.3) {
            sortHand();
            place(inHand().stream().findFirst().orElseGet(this::fresh));
        }
    }

    /** One look at the bench: reads what the station printed, then does what is due. */
    void tick(boolean fresh) {
        read();
        if (station == null) {
            return;
        }
        scrap();
        if (antenna != null) {
            watchAntenna();
        }
        if (antenna == null && running) {
            sortHand();
            next(fresh);
        }
    }

    /** Nothing left to do: no chip on the antenna or in hand, every scrap confirmed, nothing awaited. */
    boolean settled() {
        return antenna == null && chips.stream().noneMatch(c -> c.place == Place.HAND || c.scrapDeclared
                && !c.scrapConfirmed || c.awaited);
    }

    private void read() {
        if (station == null) {
            return;
        }
        for (String line : station.newLines()) {
            StationWord.parse(line).ifPresent(w -> heard(w, line));
        }
    }

    private void heard(StationWord w, String line) {
        List<CampaignChip> named = w.uids().stream().map(byUid::get).filter(java.util.Objects::nonNull).toList();
        switch (w.kind()) {
            case RUNNING -> {
                running = true;
                runningSinceNanos = System.nanoTime();
            }
            case CHIP -> named.forEach(c -> {
                c.outcome = w.outcome();
                c.awaited &= !"configured".equals(w.outcome());
            });
            case AWAITED -> {
                namedThisLife.addAll(w.uids());
                named.forEach(c -> c.awaited = true);
            }
            case RELEASED -> named.forEach(c -> c.awaited = false);
            case SCRAP_ANSWER -> scrapAnswered();
            case ERROR -> tally.stationError(line);
            case WAITING -> { }
        }
    }

    private void scrapAnswered() {
        CampaignChip c = scrapSent == null ? null : byUid.get(scrapSent);
        if (c != null) {
            c.scrapConfirmed = true;
            c.awaited = false;
        }
        scrapSent = null;
    }

    /** One {@code scrap UID} at a time, each answered before the next; unanswered ones go again after a restart. */
    private void scrap() {
        if (scrapSent != null) {
            if (System.nanoTime() - scrapSentNanos > 30_000_000_000L) {
                tally.hang("no answer to 'scrap " + scrapSent + "' within 30 s");
                scrapSent = null;
            }
            return;
        }
        chips.stream().filter(c -> c.scrapDeclared && !c.scrapConfirmed).findFirst().ifPresent(c -> {
            if (station.send("scrap " + c.uid())) {
                scrapSent = c.uid();
                scrapSentNanos = System.nanoTime();
            }
        });
    }

    private void watchAntenna() {
        CampaignChip c = antenna;
        if (!field.chips().contains(c.inField)) {
            c.departures++; // pulled mid-command, or it left the field by itself: in the operator's hand now
            antenna = null;
            c.inField.pullAt(0, TearPoint.BEFORE_APPLY);
            toHand(c);
        } else if (c.outcome != null) {
            take();
            if ("configured".equals(c.outcome)) {
                c.place = Place.GOOD;
            } else if (c.awaited) {
                toHand(c);
            } else {
                c.place = Place.SCRAP;
            }
        } else if (running && System.nanoTime() - Math.max(placedNanos, runningSinceNanos) > CHIP_LIMIT_NANOS) {
            tally.hang("chip " + c + " had no outcome 30 s after the station could see it");
            toHand(take());
        }
    }

    /** Chips in hand the station has settled: configured ones to the good bin, failed ones it does not hold to scrap. */
    private void sortHand() {
        for (CampaignChip c : inHand()) {
            if ("configured".equals(c.outcome)) {
                out(c).place = Place.GOOD;
            } else if (c.outcome != null && !c.awaited) {
                out(c).place = Place.SCRAP;
            }
        }
    }

    /** Puts a chip on the free antenna: one from the hand now and then (always when no fresh chips come), else a fresh one. */
    private void next(boolean fresh) {
        List<CampaignChip> ready = inHand().stream()
                .filter(c -> System.nanoTime() - inHandSince.get(c) >= IN_HAND_NANOS).toList();
        if (!ready.isEmpty() && (!fresh || random.nextDouble() < FROM_HAND)) {
            CampaignChip h = ready.get(0);
            if (h.awaited && random.nextDouble() < 0.4) {
                out(h).place = Place.SCRAP;
                h.scrapDeclared = true;
            } else {
                place(out(h));
            }
        } else if (fresh) {
            place(fresh());
        } else {
            chips.stream().filter(c -> c.place == Place.SCRAP && c.awaited && !c.scrapDeclared)
                    .forEach(c -> c.scrapDeclared = true); // the station waits for a chip already in the scrap bin
        }
    }

    private CampaignChip fresh() {
        CampaignChip c = new CampaignChip(factory.chip(chips.size(), batch));
        chips.add(c);
        byUid.put(c.uid(), c);
        return c;
    }

    private void place(CampaignChip c) {
        inHandSince.remove(c);
        c.place = Place.ANTENNA;
        c.outcome = null;
        c.placements++;
        c.commandsAtPlacement = c.inField.commands();
        if (random.nextDouble() < pullRate) {
            c.inField.pullAt(1 + random.nextInt(PULL_WITHIN_COMMANDS),
                    random.nextBoolean() ? TearPoint.BEFORE_APPLY : TearPoint.AFTER_APPLY);
        } else {
            c.inField.pullAt(0, TearPoint.BEFORE_APPLY);
        }
        antenna = c;
        placedNanos = System.nanoTime();
        field.addChip(c.inField);
    }

    private CampaignChip take() {
        CampaignChip c = antenna;
        field.removeChip(c.inField);
        antenna = null;
        return c;
    }

    private void toHand(CampaignChip c) {
        c.place = Place.HAND;
        inHandSince.put(c, System.nanoTime());
    }

    private CampaignChip out(CampaignChip c) {
        inHandSince.remove(c);
        return c;
    }

    private List<CampaignChip> inHand() {
        return chips.stream().filter(c -> c.place == Place.HAND).toList();
    }
}
