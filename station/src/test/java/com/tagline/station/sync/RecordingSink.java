package com.tagline.station.sync;

import com.tagline.station.platform.PlatformException;
import com.tagline.station.platform.PlatformStatusException;
import com.tagline.station.store.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link OutcomeSink} decorator that writes down what the station saw of each call, on the sync's clock:
 * every report call (answered, refused with a status and its {@code Retry-After}, or without an answer) and
 * every settle. A fault test holds the platform's ledger against it: a duplicate is only allowed for a tag
 * whose earlier send got no answer, and no call may come before a refusal's {@code Retry-After} ran out.
 */
final class RecordingSink extends OutcomeSinkDecorator {
    /** One refused call: when, and the {@code Retry-After} it carried. */
    record Refusal(Instant at, int status, Optional<Duration> retryAfter) {}

    private final Clock clock;
    private final Set<String> unanswered = new HashSet<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final List<Instant> calls = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();

    RecordingSink(OutcomeSink sink, Clock clock) {
        super(sink);
        this.clock = clock;
    }

    /** Tags that were in a report call the station got no answer to. */
    Set<String> sentWithoutAnswer() {
        return Set.copyOf(unanswered);
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** When each call (report or settle) began, in order. */
    List<Instant> calls() {
        return List.copyOf(calls);
    }

    /** Calls by what became of them: {@code answered}, {@code refused_503}, {@code unanswered}, {@code settle_...}. */
    int count(String what) {
        return counts.getOrDefault(what, 0);
    }

    @Override
    public InDoubt settle(List<OutboxEntry> inDoubt) {
        calls.add(clock.instant());
        try {
            InDoubt found = super.settle(inDoubt);
            counts.merge("settle_answered", 1, Integer::sum);
            return found;
        } catch (PlatformException e) {
            note("settle_", e);
            throw e;
        }
    }

    @Override
    public List<Delivery> deliver(List<OutboxEntry> rows) {
        calls.add(clock.instant());
        try {
            List<Delivery> d = super.deliver(rows);
            counts.merge("answered", 1, Integer::sum);
            return d;
        } catch (PlatformStatusException e) {
            note("", e);
            throw e;
        } catch (PlatformException e) {
            note("", e);
            rows.forEach(r -> unanswered.add(r.tagId()));
            throw e;
        }
    }

    private void note(String prefix, PlatformException e) {
        if (e instanceof PlatformStatusException s) {
            refusals.add(new Refusal(clock.instant(), s.status(), s.retryAfter()));
            counts.merge(prefix + "refused_" + s.status(), 1, Integer::sum);
        } else {
            counts.merge(prefix + "unanswered", 1, Integer::sum);
        }
    }
}
