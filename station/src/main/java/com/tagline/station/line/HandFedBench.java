package com.tagline.station.line;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bench mode without a conveyor: the operator lays a chip on the antenna and presents it; the
 * same {@link ItemEncoder} as on the line encodes it. Results arrive through the encoder's
 * callback, on whatever thread the encoder uses; this class is not thread-safe otherwise.
 */
public final class HandFedBench {
    private final ItemEncoder encoder;
    private final Map<Long, Boolean> results = new LinkedHashMap<>();
    private long nextId = 1;

    public HandFedBench(ItemEncoder encoder) {
        this.encoder = encoder;
    }

    /** Hands the chip now on the antenna to the encoder; returns its item id. */
    public long present() {
        long id = nextId++;
        encoder.encode(id, this::finished);
        return id;
    }

    /** The operator took the chip away before the encoder was done. */
    public void withdraw(long itemId) {
        if (!results.containsKey(itemId)) {
            encoder.abort(itemId);
        }
    }

    private synchronized void finished(long itemId, boolean passed) {
        results.putIfAbsent(itemId, passed);
    }

    /** Pass or fail per item id, in the order results arrived. */
    public synchronized Map<Long, Boolean> results() {
        return Map.copyOf(results);
    }
}
