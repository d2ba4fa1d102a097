package com.tagline.station.platform.tagbase;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.HttpTransport;
import com.tagline.station.platform.PlatformException;
import com.tagline.station.platform.PlatformProtocolException;
import com.tagline.station.platform.PlatformStatusException;
import com.tagline.station.platform.PlatformClock;
import io.vertx.core.http.HttpMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The station's client of tagbase (platform-api §1): leases, renewals, releases, outcome reports,
 * tag lookups and scan verifications, over {@link HttpTransport}.
 *
 * <p>Threading: blocking; call it from the sync thread (or the simulation thread), never from an
 * event loop. Safe for one caller at a time.
 *
 * <p>Failures: {@link com.tagline.station.platform.PlatformUnreachableException} when no answer came
 * (may have been applied), {@link PlatformStatusException} for an HTTP error status (not applied),
 * {@link PlatformProtocolException} for an answer that breaks the contract.
 */
public final class TagbaseClient implements TagbasePlatform, AutoCloseable {
    static final String MEDIA_TYPE = "application/vnd.api+json";
    private static final Map<String, String> JSON_API = Map.of("Content-Type", MEDIA_TYPE, "Accept", MEDIA_TYPE);

    private final HttpTransport http;
    private final String apiBase;
    private final PlatformClock platformClock;

    /** @param apiBase the API's path prefix, {@code /api/v1} for tagbase (configuration if a platform differs) */
    public TagbaseClient(HttpTransport http, String apiBase) {
        this(http, apiBase, Clock.systemUTC());
    }

    /** @param ours this station's wall clock: lease expiries are turned to it ({@link PlatformClock}) */
    public TagbaseClient(HttpTransport http, String apiBase, Clock ours) {
        this.http = http;
        this.apiBase = apiBase;
        this.platformClock = new PlatformClock(ours);
    }

    public static TagbaseClient open(HttpEndpoint endpoint) {
        return open(endpoint, Clock.systemUTC());
    }

    /** A client whose lease expiries are turned to {@code ours} (a simulation's or a test's clock). */
    public static TagbaseClient open(HttpEndpoint endpoint, Clock ours) {
        return new TagbaseClient(new HttpTransport(endpoint), "/api/v1", ours);
    }

    @Override
    public Lease lease(String station, List<ChipProtocol> protocols, int maxTags) {
        if (maxTags < 1 || maxTags > 500) {
            throw new IllegalArgumentException("max_tags must be 1..500, was " + maxTags);
        }
        String path = apiBase + "/encoding_leases";
        byte[] answer = expectTimed("POST " + path, path, TagbaseDocuments.leaseRequest(station, protocols, maxTags),
                201);
        try {
            Lease lease = LeaseDocument.read(answer, maxTags);
            return new Lease(lease.id(), platformClock.onOurClock(lease.expiresAt()), lease.tags(), lease.refused());
        } catch (PlatformProtocolException e) {
            throw new PlatformProtocolException(e.getMessage() + giveBack(LeaseDocument.leaseId(answer)), e);
        }
    }

    /**
     * Releases a lease whose answer was refused, so its tags go back to the pool instead of being held for
     * 24 h by a lease the station never uses (platform-api §1.2).
     *
     * @return what became of it, for the refusal's message
     */
    private String giveBack(Optional<String> leaseId) {
        if (leaseId.isEmpty()) {
            return "; the answer names no usable lease to give back, the platform expires it";
        }
        try {
            release(leaseId.get());
            return "; lease " + leaseId.get() + " given back";
        } catch (PlatformException e) {
            return "; lease " + leaseId.get() + " could not be given back, the platform expires it (" + e.getMessage()
                    + ")";
        }
    }

    @Override
    public Instant renew(String leaseId) {
        String path = apiBase + "/encoding_leases/" + leaseId + "/renew";
        return platformClock.onOurClock(TagbaseDocuments.renewed(expectTimed("POST " + path, path, null, 200)));
    }

    /** Releases the lease; a lease the platform no longer knows (404) counts as released. */
    @Override
    public void release(String leaseId) {
        String path = apiBase + "/encoding_leases/" + leaseId;
        HttpTransport.Response r = http.call("DELETE " + path, HttpMethod.DELETE, path, null, JSON_API);
        if (r.status() != 204 && r.status() != 200 && r.status() != 404) {
            throw statusError("DELETE " + path, r);
        }
    }

    @Override
    public List<ReportResult> report(List<OutcomeReport> reports) {
        if (reports.isEmpty() || reports.size() > 500) {
            throw new IllegalArgumentException("a report batch has 1..500 entries, was " + reports.size());
        }
        String path = apiBase + "/tag_configurations";
        return TagbaseDocuments.reportResults(expect("POST " + path, HttpMethod.POST, path,
                TagbaseDocuments.reportRequest(reports), 200), reports);
    }

    /** The tag, or empty when the platform says 404 (no such tag for this account). */
    @Override
    public Optional<TagState> tag(String tagId) {
        String path = apiBase + "/tags/" + tagId;
        HttpTransport.Response r = http.call("GET " + path, HttpMethod.GET, path, null, Map.of("Accept", MEDIA_TYPE));
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw statusError("GET " + path, r);
        }
        return Optional.of(TagbaseDocuments.tag(r.body()));
    }

    /** Submits a scan's query parameters; true when the platform's verdict is {@code valid}. */
    @Override
    public boolean verify(String tagId, Map<String, String> parameters) {
        String path = apiBase + "/tags/" + tagId + "/verifications";
        String verdict = TagbaseDocuments.verdict(expect("POST " + path, HttpMethod.POST, path,
                TagbaseDocuments.verificationRequest(parameters), 201));
        return "valid".equals(verdict);
    }

    @Override
    public Optional<Duration> platformAhead() {
        return platformClock.ahead();
    }

    /** A POST whose answer's {@code Date} tells the platform's clock (leases and renewals carry its expiries). */
    private byte[] expectTimed(String what, String path, byte[] body, int status) {
        Instant sent = platformClock.now();
        HttpTransport.Response r = http.call(what, HttpMethod.POST, path, body, JSON_API);
        platformClock.answered(sent, r.date());
        if (r.status() != status) {
            throw statusError(what, r);
        }
        return r.body();
    }

    private byte[] expect(String what, HttpMethod method, String path, byte[] body, int status) {
        HttpTransport.Response r = http.call(what, method, path, body, JSON_API);
        if (r.status() != status) {
            throw statusError(what, r);
        }
        return r.body();
    }

    private static PlatformStatusException statusError(String what, HttpTransport.Response r) {
        return new PlatformStatusException(what, r, TagbaseDocuments.errorDetail(r.body()));
    }

    /** The token this client sends, to be read again after a refusal. */
    public com.tagline.station.platform.Credential credential() {
        return http.endpoint().credential();
    }

    @Override
    public void close() {
        http.close();
    }
}
