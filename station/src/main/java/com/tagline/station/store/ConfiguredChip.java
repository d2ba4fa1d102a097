package com.tagline.station.store;

import com.tagline.hardware.tag.ChipProtocol;

/** A chip whose outcome is configured: the tag it carries, its UID, protocol and the tag URL written on it. */
public record ConfiguredChip(String tagId, String chipUid, ChipProtocol protocol, String url) {
}
