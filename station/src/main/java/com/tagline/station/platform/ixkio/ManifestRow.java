package com.tagline.station.platform.ixkio;

import com.tagline.hardware.tag.ChipProtocol;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated line of an encoding manifest (platform-api §2.2): the tag code to configure, the URL to
 * write and what to send to ixkio once the chip is configured. Empty optional cells are absent here and
 * are not sent.
 *
 * @param line the 1-based line the record starts on
 * @param defaultResponse {@code ix_dr}, when given
 * @param nft chain, contract and token, when all three are given
 * @param nftOwner {@code ix_nftowner}, when given
 */
public record ManifestRow(int line, String xuid, String url, ChipProtocol protocol, Optional<String> cuid,
        Optional<String> defaultResponse, Optional<NftData> nft, Optional<String> nftOwner) {
    /** The protocol of a row whose {@code protocol} is absent or empty. */
    public static final ChipProtocol DEFAULT_PROTOCOL = ChipProtocol.NTAG_424_DNA;

    public ManifestRow {
        Objects.requireNonNull(xuid);
        Objects.requireNonNull(url);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(cuid);
        Objects.requireNonNull(defaultResponse);
        Objects.requireNonNull(nft);
        Objects.requireNonNull(nftOwner);
    }

    /** {@code ix_status=Active}, {@code ix_assigned=Assigned} and this row's optional fields (§2.2). */
    public TagCodeUpdate activation() {
        TagCodeUpdate u = TagCodeUpdate.activation();
        if (defaultResponse.isPresent()) {
            u = u.withDefaultResponse(defaultResponse.get());
        }
        if (nft.isPresent()) {
            u = u.withNft(nft.get());
        }
        if (nftOwner.isPresent()) {
            u = u.withNftOwner(nftOwner.get());
        }
        return u;
    }
}
