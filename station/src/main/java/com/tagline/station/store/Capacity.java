package com.tagline.station.store;

/**
 * Whether the station may keep leasing and encoding (architecture §5). Anything but {@link #OK}
 * means: stop leasing new work and raise an alarm. The store never drops data to make room.
 */
public enum Capacity {
    /** Room in the outbox and on disk. */
    OK("ok"),
    /** Unconfirmed outbox rows reached the configured limit. */
    QUEUE_FULL("queue_full"),
    /** Usable space on the database's file store fell below the configured threshold. */
    DISK_LOW("disk_low");

    private final String code;

    Capacity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
