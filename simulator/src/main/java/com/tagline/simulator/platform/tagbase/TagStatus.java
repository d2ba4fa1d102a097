package com.tagline.simulator.platform.tagbase;

/** A tag's lifecycle status (Tags API "status"): provisioned, or written to a chip. */
public enum TagStatus {
    CREATED("created"),
    CONFIGURED("configured");

    private final String wireName;

    TagStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
