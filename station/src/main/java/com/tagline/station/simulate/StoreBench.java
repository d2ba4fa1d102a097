package com.tagline.station.simulate;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Reason;
import com.tagline.station.store.LeasedJob;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.sync.Alarms;
import com.tagline.station.workflow.Antenna;
import com.tagline.station.workflow.ChipEncoder;
import com.tagline.station.workflow.ChipInField;
import com.tagline.station.workflow.ChipRecipe;
import com.tagline.station.workflow.EncodingPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the store costs per chip on the encoding path (issue 13, goal 1): the real {@link ChipEncoder} and
 * recipe personalize blank simulated NTAG 424 DNA chips over a zero-latency link while every step is
 * recorded in a real SQLite file in {@code dataDir}. It counts the store's durable commits (each one fsync
 * of the WAL; {@code StoreFsyncTest} checks the count against strace) and the time spent in store calls.
 */
public final class StoreBench {
    /** The result per chip. */
    public record Result(int chips, double durableCommitsPerChip, Duration storeTimePerChip, int configured) {
        /** The store's time per chip on storage that costs {@code perFsync} per fsync, above {@code base}. */
        public Duration modeled(Duration base, Duration perFsync) {
            return base.plus(Duration.ofNanos(Math.round(durableCommitsPerChip * perFsync.toNanos())));
        }
    }

    private StoreBench() {
    }

    public static Result run(Path dataDir, int chips, MasterKeySet keys, Map<ChipProtocol, ChipRecipe> recipes) {
        SimulatedChips batch = new SimulatedChips(11, 0.0);
        try (Store store = Store.open(StoreConfig.of(dataDir.resolve("station.db"), "bench-1").withMinFreeBytes(0))) {
            List<LeasedJob> jobs = new ArrayList<>();
            Instant expires = Instant.now().plus(Duration.ofDays(1));
            for (int i = 0; i < chips; i++) {
                jobs.add(new LeasedJob("tag_bench_" + i, ChipProtocol.NTAG_424_DNA, "https://tags.example.com/t/" + i,
                        "lse_bench", expires));
            }
            store.jobs().record(jobs);
            TimedStore timed = new TimedStore(StoreAccess.direct(store));
            ChipEncoder encoder = new ChipEncoder(timed, recipes, EncodingPolicy.defaults(), keys.version(),
                    Clock.systemUTC(), new Alarms());
            long commitsBefore = store.durableCommits();
            int configured = 0;
            for (int i = 0; i < chips; i++) {
                SimulatedChips.Chip chip = batch.next(i);
                Antenna antenna = () -> Optional.of(ChipInField.of(chip.link(), chip.link().chip().uidHex(),
                        ChipProtocol.NTAG_424_DNA));
                configured += encoder.encode(antenna).reason() == Reason.CONFIGURED ? 1 : 0;
            }
            return new Result(chips, (store.durableCommits() - commitsBefore) / (double) chips,
                    Duration.ofNanos(timed.nanos / chips), configured);
        }
    }

    /** The store, timing every call made through it. */
    private static final class TimedStore implements StoreAccess {
        private final StoreAccess delegate;
        private long nanos;

        TimedStore(StoreAccess delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T call(Function<Store, T> work) {
            long t0 = System.nanoTime();
            try {
                return delegate.call(work);
            } finally {
                nanos += System.nanoTime() - t0;
            }
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
