package com.tagline.station.store;

/** A chip whose outcome is configured: the tag it carries, its UID, protocol and the tag URL written on it. */
public record ConfiguredChip(String tagId, String chipUid, String protocol, String url) {
}
