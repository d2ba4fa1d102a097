package com.tagline.hardware.serial;

import com.tagline.hardware.retry.Backoff;
import com.tagline.hardware.tag.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decorator that reopens a vanished link (USB adapter unplugged, pty or TCP server restarted).
 *
 * <p>Contract: an operation on a broken link fails once with the {@link TransportException} that
 * broke it, and the link becomes {@link State#DISCONNECTED}: whatever was in flight is lost and the
 * peer's state is unknown, so the caller (the PN532 driver) must re-initialise. The next
 * operation reopens through the opener, retrying with exponential backoff ({@link Backoff}); when
 * a reconnect cycle exhausts its attempts it throws {@link TransportException} and the next
 * operation starts a new cycle. A reopened link runs at its opening speed; a
 * {@link #baudRate(int)} set earlier is not replayed. {@link #connections()} counts successful
 * opens, so a caller can tell that it talks to a fresh link.
 *
 * <p>Threading: operations belong to the owner thread; {@link #state()}, {@link #connections()}
 * and {@link #close()} may be used from any thread. Listeners run on the thread that changed the
 * state and must not block.
 */
public final class ReconnectingSerialLink implements SerialLink {
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingSerialLink.class);

    /** Link state as seen by this decorator. */
    public enum State { CONNECTED, DISCONNECTED, CLOSED }

    /** 100 ms doubling to 5 s between reopen attempts (no jitter: a local device). */
    public static final Backoff DEFAULT_BACKOFF = Backoff.exact(Duration.ofMillis(100), Duration.ofSeconds(5));
    /** Reopen attempts per reconnect cycle. */
    public static final int DEFAULT_ATTEMPTS = 10;

    private final Supplier<SerialLink> opener;
    private final Backoff backoff;
    private final int attemptsPerCycle;
    private final Sleeper sleeper;
    private final Clock clock;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<TransportException>> openFailureListeners = new CopyOnWriteArrayList<>();
    private String name = "link";
    private int failedCycles;
    private Instant retryAt = Instant.MIN;
    private TransportException lastOpenFailure;
    private final Object openLock = new Object();
    private volatile SerialLink current;
    private volatile State state = State.DISCONNECTED;
    private volatile Instant since;
    private volatile long connections;

    /** Opens lazily on the first operation, with the default backoff, the system sleeper and clock. */
    public ReconnectingSerialLink(Supplier<SerialLink> opener) {
        this(opener, DEFAULT_BACKOFF, DEFAULT_ATTEMPTS, Sleeper.SYSTEM, Clock.systemUTC());
    }

    /** @param attemptsPerCycle reopen attempts before an operation fails (0 = until it works) */
    public ReconnectingSerialLink(Supplier<SerialLink> opener, Backoff backoff, int attemptsPerCycle, Sleeper sleeper,
                                  Clock clock) {
        if (attemptsPerCycle < 0) {
            throw new IllegalArgumentException("attempts per cycle must be >= 0, got " + attemptsPerCycle);
        }
        this.opener = Objects.requireNonNull(opener, "opener");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.attemptsPerCycle = attemptsPerCycle;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.since = clock.instant();
    }

    public State state() {
        return state;
    }

    public boolean isConnected() {
        return state == State.CONNECTED;
    }

    /** When the current state began (clock time). */
    public Instant since() {
        return since;
    }

    /** Count of successful opens so far. */
    public long connections() {
        return connections;
    }

    /**
     * Names the link in messages (its device or address). After a reconnect cycle failed, operations fail
     * at once, without trying, until the backoff after that cycle ran out: a caller polling a missing reader
     * learns at once that it is missing, and is never held up for a whole cycle.
     */
    public ReconnectingSerialLink named(String linkName) {
        this.name = Objects.requireNonNull(linkName, "linkName");
        return this;
    }

    /** Registers a listener called after every reconnect cycle that failed, with why (not on state changes). */
    public void onOpenFailure(Consumer<TransportException> listener) {
        openFailureListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Registers a listener called on every state change. */
    public void onStateChange(Consumer<State> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Opens now if disconnected (same backoff as an operation would use). */
    public void connect() {
        link();
    }

    @Override
    public void write(byte[] data) {
        SerialLink link = link();
        try {
            link.write(data);
        } catch (TransportException e) {
            broken(link, e);
            throw e;
        }
    }

    @Override
    public int read(byte[] buf, int off, int len, Duration timeout) {
        SerialLink link = link();
        try {
            return link.read(buf, off, len, timeout);
        } catch (TransportException e) {
            broken(link, e);
            throw e;
        }
    }

    @Override
    public void baudRate(int baud) {
        SerialLink link = link();
        try {
            link.baudRate(baud);
        } catch (TransportException e) {
            broken(link, e);
            throw e;
        }
    }

    @Override
    public void close() {
        SerialLink link;
        synchronized (openLock) {
            link = current;
            current = null;
            if (state == State.CLOSED) {
                return;
            }
            changeState(State.CLOSED);
        }
        if (link != null) {
            link.close();
        }
    }

    private SerialLink link() {
        SerialLink link = current;
        if (link != null) {
            return link;
        }
        synchronized (openLock) {
            if (state == State.CLOSED) {
                throw new TransportException(name + " is closed");
            }
            if (current == null) {
                Instant now = clock.instant();
                if (now.isBefore(retryAt)) {
                    throw new TransportException(name + " is unavailable (" + lastOpenFailure.getMessage()
                            + "); next try in " + Duration.between(now, retryAt).toMillis() + " ms", lastOpenFailure);
                }
                current = reopenOrBackOff();
                connections++;
                failedCycles = 0;
                retryAt = Instant.MIN;
                changeState(State.CONNECTED);
            }
            return current;
        }
    }

    private SerialLink reopenOrBackOff() {
        try {
            return reopen();
        } catch (TransportException e) {
            failedCycles++;
            lastOpenFailure = e;
            retryAt = clock.instant().plus(backoff.delay(failedCycles));
            openFailureListeners.forEach(l -> l.accept(e));
            throw e;
        }
    }

    private SerialLink reopen() {
        TransportException last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return opener.get();
            } catch (TransportException e) {
                last = e;
                LOG.debug("link open failed attempt={} error={}", attempt, e.getMessage());
            }
            if (attemptsPerCycle != 0 && attempt >= attemptsPerCycle) {
                break;
            }
            pause(backoff.delay(attempt));
        }
        throw new TransportException(name + " is unavailable after " + attemptsPerCycle + " attempt"
                + (attemptsPerCycle == 1 ? "" : "s") + (last == null ? "" : ": " + last.getMessage()), last);
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting to reconnect", e);
        }
    }

    private void broken(SerialLink link, TransportException cause) {
        synchronized (openLock) {
            if (current != link) {
                return;
            }
            current = null;
            if (state != State.CLOSED) {
                LOG.warn("link lost error={}", cause.getMessage());
                changeState(State.DISCONNECTED);
            }
        }
        link.close();
    }

    private void changeState(State next) {
        if (state == next) {
            return;
        }
        state = next;
        since = clock.instant();
        for (Consumer<State> listener : listeners) {
            listener.accept(next);
        }
    }
}
