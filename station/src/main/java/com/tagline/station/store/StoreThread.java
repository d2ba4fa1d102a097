package com.tagline.station.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A {@link StoreAccess} with a thread of its own: the store is opened, used and closed on one
 * thread (named {@code store}), and every caller's work is queued to it. Commits keep their order.
 */
public final class StoreThread implements StoreAccess {
    private final ExecutorService thread;
    private final Store store;

    private StoreThread(ExecutorService thread, Store store) {
        this.thread = thread;
        this.store = store;
    }

    /** Opens the store on a new thread; refusals of {@link Store#open} pass through. */
    public static StoreThread open(StoreConfig config) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "store");
            t.setDaemon(true);
            return t;
        });
        try {
            return new StoreThread(thread, await(CompletableFuture.supplyAsync(() -> Store.open(config), thread)));
        } catch (RuntimeException e) {
            thread.shutdownNow();
            throw e;
        }
    }

    @Override
    public <T> T call(Function<Store, T> work) {
        return await(CompletableFuture.supplyAsync(() -> work.apply(store), thread));
    }

    @Override
    public void close() {
        try {
            await(CompletableFuture.runAsync(store::close, thread));
        } finally {
            thread.shutdown();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("call", "interrupted while waiting for the store thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new StoreException("call", String.valueOf(e.getCause()), e.getCause());
        }
    }
}
