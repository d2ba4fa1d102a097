package com.tagline.station.platform.tagbase;

import com.tagline.hardware.tag.ChipProtocol;

/** A tag handed out in an encoding lease (platform-api §1.2): what to write on the chip. */
public record LeasedTag(String id, ChipProtocol protocol, String url) {
}
