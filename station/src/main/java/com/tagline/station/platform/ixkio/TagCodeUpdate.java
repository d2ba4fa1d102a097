package com.tagline.station.platform.ixkio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The Management API parameters of one PATCH (platform-api §2.1), in the order they are sent.
 * Immutable; each {@code with...} returns a new update. The usual one is {@link #activation()} plus the
 * manifest's optional fields (§2.2).
 */
public final class TagCodeUpdate {
    private final Map<String, String> parameters;

    private TagCodeUpdate(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** {@code ix_status=Active}, {@code ix_assigned=Assigned}: what the station sends after a chip is configured. */
    public static TagCodeUpdate activation() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ix_status", "Active");
        p.put("ix_assigned", "Assigned");
        return new TagCodeUpdate(p);
    }

    /** {@code ix_status=Inactive} alone. */
    public static TagCodeUpdate deactivation() {
        return new TagCodeUpdate(Map.of("ix_status", "Inactive"));
    }

    /** {@code ix_dr}: the tag code's own response; empty reverts to the tag group's. */
    public TagCodeUpdate withDefaultResponse(String response) {
        return with("ix_dr", Objects.requireNonNull(response));
    }

    /** {@code ix_nftchain}, {@code ix_nftcontract}, {@code ix_nfttoken} together. */
    public TagCodeUpdate withNft(NftData nft) {
        return with("ix_nftchain", nft.chain().code()).with("ix_nftcontract", nft.contract())
                .with("ix_nfttoken", nft.token());
    }

    /** The three NFT fields empty: removes the tag code's NFT data. */
    public TagCodeUpdate withoutNft() {
        return with("ix_nftchain", "").with("ix_nftcontract", "").with("ix_nfttoken", "");
    }

    /** {@code ix_nftowner}; empty removes the owner. */
    public TagCodeUpdate withNftOwner(String owner) {
        return with("ix_nftowner", Objects.requireNonNull(owner));
    }

    /** The parameters, in sending order. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** {@code application/x-www-form-urlencoded} body (UTF-8). */
    public String formBody() {
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private TagCodeUpdate with(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.put(name, value);
        return new TagCodeUpdate(p);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagCodeUpdate u && parameters.equals(u.parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "TagCodeUpdate" + parameters;
    }
}
