package com.tagline.station.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.tagline.hardware.retry.Backoff;
import com.tagline.station.platform.Credential;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.store.StoreThread;
import com.tagline.station.sync.Alarms;
import com.tagline.station.sync.Delivery;
import com.tagline.station.sync.OutboxSync;
import com.tagline.station.sync.OutcomeSink;
import com.tagline.station.sync.SyncPolicy;
import com.tagline.station.workflow.JobSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The platform thread's loop (architecture §3): a failing pass is reported once, not once a second. */
class PlatformLoopTest {
    @TempDir
    Path dir;

    /**
     * Issue 12 (disk full): while the store could not write, every pass failed and the loop logged the same
     * ERROR with its whole stack trace once a second, into a journal that may share the full disk. Now the
     * first failure is an ERROR, the repeats DEBUG, and the recovery one INFO line.
     */
    @Test
    void aPassFailingAgainAndAgainIsOneErrorAndOneRecoveryLine() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(PlatformLoop.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        AtomicInteger passes = new AtomicInteger();
        JobSource failingThrice = new JobSource() {
            @Override
            public void runOnce() {
                if (passes.incrementAndGet() <= 3) {
                    throw new IllegalStateException("store: [SQLITE_FULL] database or disk is full");
                }
            }

            @Override
            public int releaseUnused() {
                return 0;
            }
        };
        SyncPolicy policy = new SyncPolicy(10, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50));
        try (StoreThread store = StoreThread.open(StoreConfig.of(dir.resolve("station.db"), "line-1").withMinFreeBytes(0));
             OutboxSync sync = new OutboxSync(store, new NoPlatform(), policy, Backoff.exact(Duration.ofMillis(50),
                     Duration.ofMillis(50)), Clock.systemUTC(), new Alarms())) {
            PlatformLoop loop = new PlatformLoop(new PlatformWork(failingThrice, sync, Clock.systemUTC()),
                    Clock.systemUTC());
            Thread t = new Thread(loop, "platform-test");
            t.start();
            assertTrue(InProcessBench.within(Duration.ofSeconds(15), () -> passes.get() > 4), "passes went on");
            loop.stop();
            t.join(5_000);
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(before);
        }
        List<String> shown = lines.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        assertEquals(2, shown.size(), shown.toString());
        assertTrue(shown.get(0).startsWith("ERROR event=platform_loop_error"), shown.get(0));
        assertTrue(shown.get(1).startsWith("INFO event=platform_loop_recovered failed_passes=3"), shown.get(1));
    }

    /** A sink for an outbox that stays empty: never called. */
    private static final class NoPlatform implements OutcomeSink {
        @Override
        public String platform() {
            return "none";
        }

        @Override
        public int rowsPerCall(int batchSize) {
            return batchSize;
        }

        @Override
        public InDoubt settle(List<OutboxEntry> inDoubt) {
            throw new AssertionError("nothing was sent");
        }

        @Override
        public List<Delivery> deliver(List<OutboxEntry> rows) {
            throw new AssertionError("nothing was queued");
        }

        @Override
        public Credential credential() {
            throw new AssertionError("no platform");
        }

        @Override
        public void close() {
        }
    }
}
