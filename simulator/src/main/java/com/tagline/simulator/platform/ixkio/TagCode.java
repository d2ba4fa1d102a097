package com.tagline.simulator.platform.ixkio;

import java.time.Instant;
import java.util.Objects;

/**
 * The Management API's view of one tag code (platform-api §2.1): status, assignment, default response
 * and NFT data. Immutable; an update makes a new value.
 *
 * @param ownResponse the tag code's own default response ({@code ix_dr}), or null when it inherits the
 *     tag group's
 * @param groupResponse the tag group's response (from the seed's {@code url}); empty when the group has none
 * @param assignedAt when {@code ix_assigned=Assigned} last arrived, or null if never; {@code Unassigned}
 *     keeps it (the seed only says that Assigned updates the date)
 * @param nftChain one of {@link ManagementUpdate#NFT_CHAINS}, or null; contract and token are null
 *     exactly when the chain is
 * @param nftOwner the NFT wallet owner address, or null
 */
public record TagCode(String xuid, String cuid, String uid, String groupResponse, String ownResponse,
        boolean active, boolean assigned, Instant assignedAt, String nftChain, String nftContract, String nftToken,
        String nftOwner) {
    public TagCode {
        Objects.requireNonNull(xuid);
        Objects.requireNonNull(cuid);
        Objects.requireNonNull(uid);
        Objects.requireNonNull(groupResponse);
    }

    /** A tag code as the Console creates it: Inactive, Unassigned, inheriting the group's response. */
    public static TagCode seeded(TagCodeSeed seed) {
        return new TagCode(seed.xuid(), seed.cuid(), seed.uid(), seed.groupResponse(), null, false, false, null,
                null, null, null, null);
    }

    /** The response a scan gets: the tag code's own, else the tag group's. */
    public String effectiveResponse() {
        return ownResponse != null ? ownResponse : groupResponse;
    }

    /** {@code Active} or {@code Inactive}, the API's spelling. */
    public String status() {
        return active ? "Active" : "Inactive";
    }

    TagCode withOwnResponse(String value) {
        return new TagCode(xuid, cuid, uid, groupResponse, value, active, assigned, assignedAt, nftChain,
                nftContract, nftToken, nftOwner);
    }

    TagCode withActive(boolean value) {
        return new TagCode(xuid, cuid, uid, groupResponse, ownResponse, value, assigned, assignedAt, nftChain,
                nftContract, nftToken, nftOwner);
    }

    TagCode withAssigned(boolean value, Instant at) {
        return new TagCode(xuid, cuid, uid, groupResponse, ownResponse, active, value, at, nftChain, nftContract,
                nftToken, nftOwner);
    }

    TagCode withNft(String chain, String contract, String token) {
        return new TagCode(xuid, cuid, uid, groupResponse, ownResponse, active, assigned, assignedAt, chain,
                contract, token, nftOwner);
    }

    TagCode withNftOwner(String value) {
        return new TagCode(xuid, cuid, uid, groupResponse, ownResponse, active, assigned, assignedAt, nftChain,
                nftContract, nftToken, value);
    }
}
