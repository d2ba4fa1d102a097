package com.tagline.simulator.platform.ixkio;

/**
 * Counters of an {@link IxkioAccount} at one moment.
 *
 * @param tagCodes seeded tag codes
 * @param active tag codes now {@code Active}
 * @param assigned tag codes now {@code Assigned}
 * @param withNft tag codes with NFT data
 * @param updatesApplied PATCHes answered with {@code updated}
 * @param updatesRejected PATCHes answered with a {@code message} (not found included)
 * @param unauthorized requests answered {@code 401}
 */
public record IxkioCounts(int tagCodes, int active, int assigned, int withNft, long updatesApplied,
        long updatesRejected, long unauthorized) {
}
