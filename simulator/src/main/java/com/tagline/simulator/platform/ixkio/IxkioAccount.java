package com.tagline.simulator.platform.ixkio;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tag codes of one ixkio account and the Management API's effect on them (platform-api §2.1), in
 * memory. The account is identified by its AID; tag codes come from a {@link TagCodeSeed} list and are
 * never created or deleted by the API.
 *
 * <p>Threading: safe for concurrent callers (HTTP event loops and test threads); each PATCH is applied
 * atomically under the account's lock. Time comes from the injected clock (the assigned date).
 */
public final class IxkioAccount {
    static final String NOT_FOUND = "Tag Code not found";

    private final String aid;
    private final Clock clock;
    private final Map<String, TagCode> byXuid = new LinkedHashMap<>();
    private long applied;
    private long rejected;
    private long unauthorized;

    /** @throws IllegalArgumentException for duplicate XUIDs in {@code seeds} */
    public IxkioAccount(String aid, List<TagCodeSeed> seeds, Clock clock) {
        this.aid = Objects.requireNonNull(aid);
        this.clock = Objects.requireNonNull(clock);
        for (TagCodeSeed s : seeds) {
            if (byXuid.put(s.xuid(), TagCode.seeded(s)) != null) {
                throw new IllegalArgumentException("duplicate xuid " + s.xuid());
            }
        }
    }

    public String aid() {
        return aid;
    }

    /**
     * Applies one PATCH: finds the tag code, validates the parameters and changes the tag code only when
     * all of them are valid.
     *
     * @param parameters the body's fields, names as sent ({@code ix_status}, ...)
     */
    public synchronized PatchAnswer patch(TagCodeLookup lookup, Map<String, String> parameters) {
        Optional<TagCode> code = find(lookup);
        if (code.isEmpty()) {
            rejected++;
            return new PatchAnswer.Rejected(NOT_FOUND);
        }
        ManagementUpdate update;
        try {
            update = ManagementUpdate.parse(parameters);
        } catch (UpdateRejectedException e) {
            rejected++;
            return new PatchAnswer.Rejected(e.getMessage());
        }
        TagCode changed = update.applyTo(code.get(), clock.instant());
        byXuid.put(changed.xuid(), changed);
        applied++;
        return new PatchAnswer.Updated(changed.xuid(), update.names());
    }

    /** Counts a request refused for its token (answered {@code 401}); it changes nothing. */
    public synchronized void countUnauthorized() {
        unauthorized++;
    }

    public synchronized Optional<TagCode> tagCode(String xuid) {
        return Optional.ofNullable(byXuid.get(xuid));
    }

    /** Every tag code, in seed order. */
    public synchronized List<TagCode> tagCodes() {
        return List.copyOf(byXuid.values());
    }

    /** A consistent snapshot of the counters. */
    public synchronized IxkioCounts counts() {
        int active = 0;
        int assigned = 0;
        int withNft = 0;
        for (TagCode c : byXuid.values()) {
            active += c.active() ? 1 : 0;
            assigned += c.assigned() ? 1 : 0;
            withNft += c.nftChain() != null ? 1 : 0;
        }
        return new IxkioCounts(byXuid.size(), active, assigned, withNft, applied, rejected, unauthorized);
    }

    private Optional<TagCode> find(TagCodeLookup lookup) {
        if (lookup instanceof TagCodeLookup.ByXuid x) {
            return Optional.ofNullable(byXuid.get(x.xuid()));
        }
        if (lookup instanceof TagCodeLookup.ByCuid c) {
            return c.aid().equals(aid) && !c.cuid().isEmpty()
                    ? byXuid.values().stream().filter(t -> t.cuid().equals(c.cuid())).findFirst()
                    : Optional.empty();
        }
        TagCodeLookup.ByUid u = (TagCodeLookup.ByUid) lookup;
        return u.aid().equals(aid) && !u.uid().isEmpty()
                ? byXuid.values().stream().filter(t -> t.uid().equals(u.uid())).findFirst()
                : Optional.empty();
    }
}
