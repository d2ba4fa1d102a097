package com.tagline.station.platform.ixkio;

import java.util.Objects;

/**
 * The NFT fields a tag code carries together (platform-api §2.1: {@code ix_nftchain},
 * {@code ix_nftcontract} and {@code ix_nfttoken} all with data).
 */
public record NftData(NftChain chain, String contract, String token) {
    public NftData {
        Objects.requireNonNull(chain, "chain");
        if (contract == null || contract.isEmpty() || token == null || token.isEmpty()) {
            throw new IllegalArgumentException("NFT contract and token must both have data");
        }
    }
}
