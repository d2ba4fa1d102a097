package com.tagline.hardware.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.retry.Backoff;
import com.tagline.hardware.tag.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Reconnect with backoff, with a recording sleeper: these tests never sleep. */
class ReconnectingSerialLinkTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<ReconnectingSerialLink.State> states = new ArrayList<>();
    private final Deque<Object> openings = new ArrayDeque<>();
    private final List<PipeSerialLink> peers = new ArrayList<>();

    /** Each open takes the next scripted outcome: a link pair or a failure. */
    private final Supplier<SerialLink> opener = () -> {
        Object next = openings.poll();
        if (next instanceof TransportException e) {
            throw e;
        }
        if (next == null) {
            throw new TransportException("no device");
        }
        PipeSerialLink[] pair = PipeSerialLink.pair();
        peers.add(pair[1]);
        return pair[0];
    };

    private ReconnectingSerialLink link(int maxAttempts) {
        ReconnectingSerialLink link = new ReconnectingSerialLink(opener,
                Backoff.exact(Duration.ofMillis(100), Duration.ofMillis(500)), maxAttempts, sleeps::add, clock);
        link.onStateChange(states::add);
        return link;
    }

    @Test
    void opensLazilyAndPassesBytesThrough() {
        openings.add("ok");
        ReconnectingSerialLink link = link(3);
        assertEquals(ReconnectingSerialLink.State.DISCONNECTED, link.state());
        link.write(new byte[] {1, 2});
        assertTrue(link.isConnected());
        assertEquals(1, link.connections());
        assertEquals(2, peers.get(0).read(new byte[4], 0, 4, Duration.ZERO));
        peers.get(0).write(new byte[] {3});
        assertEquals(1, link.read(new byte[4], 0, 4, Duration.ZERO));
        assertEquals(List.of(ReconnectingSerialLink.State.CONNECTED), states);
        assertEquals(T0, link.since());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void brokenLinkFailsOnceThenReopensWithBackoff() {
        openings.add("ok");
        openings.add(new TransportException("gone"));
        openings.add(new TransportException("gone"));
        openings.add(new TransportException("gone"));
        openings.add("ok");
        ReconnectingSerialLink link = link(0);
        link.connect();
        peers.get(0).close();

        assertThrows(TransportException.class, () -> link.read(new byte[4], 0, 4, Duration.ZERO));
        assertEquals(ReconnectingSerialLink.State.DISCONNECTED, link.state());

        link.write(new byte[] {9});
        assertTrue(link.isConnected());
        assertEquals(2, link.connections());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), sleeps);
        assertEquals(List.of(ReconnectingSerialLink.State.CONNECTED, ReconnectingSerialLink.State.DISCONNECTED,
                ReconnectingSerialLink.State.CONNECTED), states);
        assertEquals(1, peers.get(1).read(new byte[4], 0, 4, Duration.ZERO));
    }

    @Test
    void backoffIsCappedAndACycleEndsAfterMaxAttempts() {
        ReconnectingSerialLink link = link(5);
        TransportException e = assertThrows(TransportException.class, link::connect);
        assertTrue(e.getMessage().contains("after 5 attempts"), e.getMessage());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(500)), sleeps);
        assertEquals(ReconnectingSerialLink.State.DISCONNECTED, link.state());

        openings.add("ok");
        TransportException early = assertThrows(TransportException.class, link::connect,
                "within the backoff after a failed cycle an operation fails at once, without trying");
        assertTrue(early.getMessage().contains("next try in"), early.getMessage());
        assertEquals(4, sleeps.size(), "nothing slept, nothing opened");
        clock.advance(Duration.ofMillis(100));
        link.connect();
        assertTrue(link.isConnected());
    }

    @Test
    void closeIsFinal() {
        openings.add("ok");
        ReconnectingSerialLink link = link(1);
        link.connect();
        link.close();
        link.close();
        assertEquals(ReconnectingSerialLink.State.CLOSED, link.state());
        assertTrue(peers.get(0).isClosed());
        assertThrows(TransportException.class, () -> link.write(new byte[] {1}));
        assertEquals(List.of(ReconnectingSerialLink.State.CONNECTED, ReconnectingSerialLink.State.CLOSED), states);
    }

    @Test
    void baudRateGoesToTheCurrentLink() {
        openings.add("ok");
        ReconnectingSerialLink link = link(1);
        link.baudRate(230_400);
        assertTrue(link.isConnected());
    }
}
