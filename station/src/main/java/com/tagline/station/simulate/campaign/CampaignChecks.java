package com.tagline.station.simulate.campaign;

import com.tagline.simulator.platform.tagbase.TagStatus;
import com.tagline.simulator.platform.tagbase.TagView;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.store.ConfiguredChip;
import com.tagline.station.store.HeldTag;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.simulate.campaign.CampaignChip.Place;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end of a campaign (issue 12): the invariants checked from the platform's state, the chips themselves (read
 * like a phone) and the station's store, once the station has drained and stopped. Each broken invariant is one
 * line naming the tag and the chips.
 *
 * <p>Threading: the campaign's thread, after the station's process has ended.
 */
final class CampaignChecks {
    private final CampaignWorld world;
    private final List<CampaignChip> chips;
    private final Path database;
    final List<String> violations = new ArrayList<>();
    private final Map<CampaignChip, ChipScan> scans = new LinkedHashMap<>();
    int tagsOnTwoChips;
    int chipsOnTwoTags;
    int lost;
    int duplicates;
    int complete;

    CampaignChecks(CampaignWorld world, List<CampaignChip> chips, Path database) {
        this.world = world;
        this.chips = chips;
        this.database = database;
    }

    /** Runs every check; the figures and {@link #violations} hold the result. */
    CampaignChecks run() {
        chips.forEach(c -> scans.put(c, ChipScan.of(c, world)));
        Map<String, TagView> configured = new HashMap<>();
        world.tags().stream().filter(t -> t.status() == TagStatus.CONFIGURED).forEach(t -> configured.put(t.id(), t));
        goodBin(configured);
        platformTags(configured);
        completeChips(configured);
        TagbaseState state = world.platform.state();
        state.conflicts().forEach(c -> violations.add("the platform answered conflict for tag " + c.tagId() + " chip "
                + c.uid() + ": " + c.detail()));
        store(configured, state);
        return this;
    }

    /** Every chip in the good bin carries one tag's URL, no other good chip carries it, and the platform verifies it. */
    private void goodBin(Map<String, TagView> configured) {
        Map<String, List<String>> chipsByTag = new HashMap<>();
        for (CampaignChip c : chips) {
            if (c.place != Place.GOOD) {
                continue;
            }
            ChipScan s = scans.get(c);
            if (s.tagId().isEmpty()) {
                violations.add("good-bin chip " + c + " carries no tag's URL: " + s.url().orElse(s.problem().orElse("")));
                continue;
            }
            String tag = s.tagId().get();
            chipsByTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(c.uid());
            TagView t = configured.get(tag);
            if (t == null || !c.uid().equals(t.uid())) {
                violations.add("good-bin chip " + c + " carries tag " + tag + ", which the platform shows "
                        + (t == null ? "not configured" : "configured for chip " + t.uid()));
                continue;
            }
            String verdict = world.verify(tag, s.url().get());
            if (!verdict.equals("valid")) {
                violations.add("good-bin chip " + c + " with tag " + tag + ": the platform's verification says "
                        + verdict);
            }
        }
        chipsByTag.forEach((tag, uids) -> {
            if (uids.size() > 1) {
                tagsOnTwoChips++;
                violations.add("tag " + tag + " is on " + uids.size() + " chips of the good bin: " + uids);
            }
        });
    }

    /** Every tag the platform shows configured has its chip in the good bin, carrying it; no chip is on two tags. */
    private void platformTags(Map<String, TagView> configured) {
        Map<String, List<String>> tagsByUid = new HashMap<>();
        for (TagView t : configured.values()) {
            tagsByUid.computeIfAbsent(t.uid(), u -> new ArrayList<>()).add(t.id());
            Optional<CampaignChip> chip = chips.stream().filter(c -> c.uid().equals(t.uid())).findFirst();
            if (chip.isEmpty() || chip.get().place != Place.GOOD
                    || !scans.get(chip.get()).tagId().equals(Optional.of(t.id()))) {
                violations.add("the platform shows tag " + t.id() + " configured for chip " + t.uid() + ", which "
                        + chip.map(c -> "is " + c + " carrying " + scans.get(c).tagId().orElse("no tag"))
                        .orElse("was never fed"));
            }
        }
        tagsByUid.forEach((uid, tags) -> {
            if (tags.size() > 1) {
                chipsOnTwoTags++;
                violations.add("chip " + uid + " is on " + tags.size() + " tags: " + tags);
            }
        });
    }

    /** A chip complete on the chip side ships with its tag configured, unless an operator scrapped it. */
    private void completeChips(Map<String, TagView> configured) {
        for (CampaignChip c : chips) {
            ChipScan s = scans.get(c);
            complete += s.complete() ? 1 : 0;
            if (!s.complete() || c.scrapDeclared) {
                continue;
            }
            boolean shipped = c.place == Place.GOOD && s.tagId().map(configured::get)
                    .filter(t -> c.uid().equals(t.uid())).isPresent();
            if (!shipped) {
                lost++;
                violations.add("chip " + c + " is complete on the chip side (tag " + s.tagId().orElse("?")
                        + ") but did not ship with its tag configured");
            }
        }
    }

    /** Nothing pending in the store: every report confirmed, no attempt in flight, no tag held for a chip. */
    private void store(Map<String, TagView> configured, TagbaseState state) {
        try (Store s = Store.open(StoreConfig.of(database, "campaign"))) {
            Map<String, Integer> outbox = s.outbox().counts();
            outbox.forEach((st, n) -> {
                if (!st.equals("confirmed") && n > 0) {
                    violations.add("the store still has " + n + " outbox rows " + st);
                }
            });
            if (!s.attemptsInFlight().isEmpty()) {
                violations.add("the store still has attempts in flight: " + s.attemptsInFlight());
            }
            for (HeldTag h : s.holds().held()) {
                violations.add("the store still holds tag " + h.tagId() + " for chip " + h.chipUid());
            }
            List<ConfiguredChip> ours = s.configuredChips();
            for (ConfiguredChip c : ours) {
                TagView t = configured.get(c.tagId());
                if (t == null || !c.chipUid().equals(t.uid())) {
                    lost++;
                    violations.add("the store has tag " + c.tagId() + " configured on chip " + c.chipUid()
                            + ", the platform " + (t == null ? "not configured" : "on chip " + t.uid()));
                }
            }
            // Each outcome row is applied exactly once: re-sends after a kill are answered duplicate, not applied.
            long rows = ours.size() + s.failedOutcomes();
            long accepted = state.reports("accepted");
            duplicates = (int) Math.max(0, accepted - rows);
            lost += (int) Math.max(0, rows - accepted);
            if (accepted != rows) {
                violations.add("the platform applied " + accepted + " reports for the " + rows + " outcomes of the store");
            }
        }
    }
}
