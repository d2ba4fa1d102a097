package com.tagline.station.simulate.campaign;

import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.run.Recipes;
import com.tagline.station.simulate.PhoneScan;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A chip read the way a phone reads it (its NDEF URL) once it is off the antenna, and what the chip itself says:
 * whether it is complete on the chip side (its SUN message verifies with the keys derived for its UID, so a
 * phone in the field would get a valid scan if its tag is configured), and the tag whose URL it carries.
 *
 * @param url      the URL read, empty when the chip holds none (blank, or the read failed)
 * @param tagId    the platform tag whose URL it carries, empty when none
 * @param complete its SUN message verifies locally with its own derived keys
 * @param problem  why it could not be read, empty when it could
 */
record ChipScan(Optional<String> url, Optional<String> tagId, boolean complete, Optional<String> problem) {
    static ChipScan of(CampaignChip chip, CampaignWorld world) {
        String url;
        try {
            url = chip.sim.phoneScan().get();
        } catch (RuntimeException e) {
            return new ChipScan(Optional.empty(), Optional.empty(), false, Optional.of(String.valueOf(e.getMessage())));
        }
        return new ChipScan(Optional.of(url), world.tagOfScan(url), sunVerifies(chip, url, world), Optional.empty());
    }

    private static boolean sunVerifies(CampaignChip chip, String url, CampaignWorld world) {
        ChipKeys keys = world.keys.keys().diversify(HexFormat.of().parseHex(chip.uid()));
        try {
            return chip.sim.protocol() == ChipProtocol.NTAG_223_DNA ? PhoneScan.verifyNtag223(url, keys).valid()
                    : PhoneScan.verify(url, keys, Recipes.META_READ_KEY, Recipes.FILE_READ_KEY).valid();
        } catch (RuntimeException e) {
            return false; // no SUN message in it: not complete
        }
    }
}
