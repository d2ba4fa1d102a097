package com.tagline.station.simulate.campaign;

import com.tagline.station.simulate.BatchProtocol;
import java.time.Duration;

/**
 * What a kill campaign does (issue 12, "The campaign, in the repository").
 *
 * @param kills      SIGKILLs to deliver before the final, clean life
 * @param seed       fixes the chips (UIDs, defects), every kill moment and every operator decision
 * @param life       each life of {@code station run} ends with SIGKILL at a moment drawn uniformly from
 *                   {@code [0, life)} after its process started: start-up, personalization, sync or idle
 * @param defectRate share of defective chips (counterfeit, foreign, leaving the field, torn)
 * @param pullRate   share of placed chips the operator pulls off the antenna while the station works on them
 * @param protocol   the chips of the batch
 * @param latency    the platform emulator answers every API call this late while the kills go on, so that kills
 *                   also land while a report or a lease is in flight
 * @param dropRate   share of the platform's answers it drops after applying the call (the ambiguous case)
 */
public record CampaignOptions(int kills, long seed, Duration life, double defectRate, double pullRate,
                              BatchProtocol protocol, Duration latency, double dropRate) {
    public CampaignOptions {
        if (kills < 0) {
            throw new IllegalArgumentException("--kills must be 0 or more, got " + kills);
        }
        if (life.toMillis() < 100) {
            throw new IllegalArgumentException("--life-ms must be at least 100, got " + life.toMillis());
        }
        if (defectRate < 0 || defectRate > 1) {
            throw new IllegalArgumentException("--defect-rate must be between 0 and 1, got " + defectRate);
        }
        if (pullRate < 0 || pullRate > 1) {
            throw new IllegalArgumentException("--pull-rate must be between 0 and 1, got " + pullRate);
        }
        if (latency.isNegative() || latency.toMillis() > 5_000) {
            throw new IllegalArgumentException("--platform-latency-ms must be 0..5000, got " + latency.toMillis());
        }
        if (dropRate < 0 || dropRate > 0.5) {
            throw new IllegalArgumentException("--drop-rate must be between 0 and 0.5, got " + dropRate);
        }
    }

    /** The defaults of {@code station campaign}, with {@code kills} and {@code seed}. */
    public static CampaignOptions of(int kills, long seed) {
        return new CampaignOptions(kills, seed, Duration.ofMillis(6000), 0.1, 0.1, BatchProtocol.NTAG_424_DNA,
                Duration.ofMillis(50), 0.02);
    }

    public CampaignOptions withLife(Duration value) {
        return new CampaignOptions(kills, seed, value, defectRate, pullRate, protocol, latency, dropRate);
    }
}
