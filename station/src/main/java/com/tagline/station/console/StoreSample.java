package com.tagline.station.console;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.store.OutboxBacklog;
import com.tagline.station.store.StoreAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console needs from the store and the disk, read in one hop to the store's owner (its thread,
 * or the simulation's) and then published: work on hand per protocol, the outbox backlog, the database
 * size and the free disk space.
 */
public record StoreSample(Map<String, Integer> workOnHand, OutboxBacklog backlog, long dbBytes, long diskFreeBytes) {
    /** Before the first sample. */
    public static final StoreSample NONE = new StoreSample(Map.of(), new OutboxBacklog(0, 0, 0, Optional.empty()), 0, -1);

    public StoreSample {
        workOnHand = Map.copyOf(workOnHand);
    }

    /**
     * Reads a sample through {@code store} (on whatever thread may call it) for {@code protocols}, with
     * tags counted as on hand while their lease holds at {@code now}.
     */
    public static StoreSample read(StoreAccess store, Path dbFile, List<ChipProtocol> protocols, java.time.Instant now) {
        record Rows(Map<String, Integer> work, OutboxBacklog backlog) {
        }
        Rows rows = store.call(s -> {
            Map<String, Integer> work = new LinkedHashMap<>();
            protocols.forEach(p -> work.put(p.code(), s.jobs().available(p, now)));
            return new Rows(work, s.outbox().backlog());
        });
        return new StoreSample(rows.work(), rows.backlog(), size(dbFile) + size(Path.of(dbFile + "-wal")),
                usableSpace(dbFile.toAbsolutePath().getParent()));
    }

    private static long size(Path f) {
        try {
            return Files.exists(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
