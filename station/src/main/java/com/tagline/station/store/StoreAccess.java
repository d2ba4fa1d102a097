package com.tagline.station.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work on the thread that owns the {@link Store} (architecture §5: one writer), from any thread,
 * and waits for it. {@link #direct} is for a single-threaded caller (simulation, tests); {@link StoreThread}
 * gives the store a thread of its own for the running station, where the encoder and the sync both use it.
 */
public interface StoreAccess extends AutoCloseable {
    /** Runs {@code work} with the store and returns its result; a {@link StoreException} passes through. */
    <T> T call(Function<Store, T> work);

    /** {@link #call} without a result. */
    default void run(Consumer<Store> work) {
        call(s -> {
            work.accept(s);
            return null;
        });
    }

    @Override
    void close();

    /** The store used on the caller's own thread (the one that opened it). */
    static StoreAccess direct(Store store) {
        return new StoreAccess() {
            @Override
            public <T> T call(Function<Store, T> work) {
                return work.apply(store);
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }
}
