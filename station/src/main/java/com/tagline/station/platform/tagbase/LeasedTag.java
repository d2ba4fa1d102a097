package com.tagline.station.platform.tagbase;

/** A tag handed out in an encoding lease (platform-api §1.2): what to write on the chip. */
public record LeasedTag(String id, String protocol, String url) {
}
