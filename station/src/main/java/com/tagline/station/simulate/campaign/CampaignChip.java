package com.tagline.station.simulate.campaign;

import com.tagline.station.simulate.SimulatedChip;

/**
 * One physical chip of the campaign and where it is: the operator's knowledge of it, and the chip itself
 * (read at the end the way a phone does).
 *
 * <p>Threading: the campaign's thread only.
 */
final class CampaignChip {
    /** Where a chip is. Only the good bin ships. */
    enum Place { ANTENNA, HAND, GOOD, SCRAP }

    final SimulatedChip sim;
    final WatchedChip inField;
    Place place = Place.HAND;
    /** The station said it waits for this chip (it holds a tag for it) and has not said otherwise since. */
    boolean awaited;
    /** The station's last outcome for the chip since it was last placed, null while none came. */
    String outcome;
    /** The station was told {@code scrap UID} and confirmed it. */
    boolean scrapConfirmed;
    /** The operator declared it scrapped (it is in the scrap bin, and the station must be told). */
    boolean scrapDeclared;
    /** Commands the chip had received when it was last placed. */
    int commandsAtPlacement;
    /** Times it was put on the antenna, pulled off it while the station was down, and left the field mid-command. */
    int placements;
    int pullsWhileDown;
    int departures;

    CampaignChip(SimulatedChip sim) {
        this.sim = sim;
        this.inField = new WatchedChip(sim.inField());
    }

    String uid() {
        return sim.uidHex();
    }

    @Override
    public String toString() {
        return uid() + "[" + place + (awaited ? ", awaited" : "") + (scrapDeclared ? ", scrapped" : "")
                + ", outcome " + outcome + ", defect " + sim.defect() + ", placed " + placements + ", pulled while down "
                + pullsWhileDown + ", left mid-command " + departures + "]";
    }
}
