package com.tagline.station.platform.tagbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.platform.PlatformProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Reading tagbase answers (platform-api §1.2): anything that breaks the contract is a
 * {@link PlatformProtocolException} naming where, never a guessed result.
 */
class TagbaseDocumentsTest {
    private static final Instant AT = Instant.parse("2026-11-24T09:00:00.123Z");
    private static final List<OutcomeReport> SENT = List.of(
            new OutcomeReport("tag_a", true, "04A1B2C3D4E5F6", null, "", OptionalInt.of(1), AT, "line-1", 1),
            new OutcomeReport("tag_b", false, "04A1B2C3D4E5F7", "verify_mismatch", "x", OptionalInt.empty(), AT,
                    "line-1", 3));

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String result(String id, String result) {
        return "{\"type\":\"tag_configurations\",\"id\":\"" + id + "\",\"attributes\":{\"result\":\"" + result + "\"}}";
    }

    private static PlatformProtocolException reportAnswer(String body) {
        return assertThrows(PlatformProtocolException.class, () -> TagbaseDocuments.reportResults(b(body), SENT));
    }

    @Test
    void reportResultsInRequestOrderAreRead() {
        List<ReportResult> r = TagbaseDocuments.reportResults(b("{\"data\":[" + result("tag_a", "accepted") + ","
                + "{\"type\":\"tag_configurations\",\"id\":\"tag_b\",\"attributes\":{\"result\":\"rejected\","
                + "\"detail\":\"no tag tag_b in this account\"}}]}"), SENT);
        assertEquals(List.of(new ReportResult("tag_a", ReportResult.Kind.ACCEPTED, ""),
                new ReportResult("tag_b", ReportResult.Kind.REJECTED, "no tag tag_b in this account")), r);
    }

    @Test
    void aBodyThatIsNotJsonIsAProtocolError() {
        assertTrue(reportAnswer("<html>502 Bad Gateway</html>").getMessage().contains("not JSON"));
        assertTrue(reportAnswer("").getMessage().contains("not"));
        assertTrue(reportAnswer("[1,2]").getMessage().contains("not a JSON object"));
    }

    @Test
    void aResultListOfTheWrongLengthIsAProtocolError() {
        assertTrue(reportAnswer("{\"data\":[" + result("tag_a", "accepted") + "]}").getMessage()
                .contains("array of 2 results"));
        reportAnswer("{\"data\":[" + result("tag_a", "accepted") + "," + result("tag_b", "accepted") + ","
                + result("tag_c", "accepted") + "]}");
        reportAnswer("{\"data\":{}}");
        reportAnswer("{\"errors\":[]}");
    }

    @Test
    void resultsOutOfRequestOrderAreAProtocolError() {
        PlatformProtocolException e = reportAnswer("{\"data\":[" + result("tag_b", "accepted") + ","
                + result("tag_a", "accepted") + "]}");
        assertTrue(e.getMessage().contains("/data/0/id is tag_b, expected tag_a"), e.getMessage());
    }

    @Test
    void anUnknownResultOrAMissingMemberIsAProtocolError() {
        assertTrue(reportAnswer("{\"data\":[" + result("tag_a", "maybe") + "," + result("tag_b", "accepted") + "]}")
                .getMessage().contains("/data/0/attributes/result is 'maybe'"));
        assertTrue(reportAnswer("{\"data\":[" + result("tag_a", "accepted") + ",{\"id\":\"tag_b\"}]}")
                .getMessage().contains("/data/1/attributes/result"));
        assertTrue(reportAnswer("{\"data\":[{\"attributes\":{\"result\":\"accepted\"}}," + result("tag_b", "accepted")
                + "]}").getMessage().contains("/data/0/id"));
    }

    @Test
    void leaseAnswersAreCheckedToo() {
        String ok = "{\"data\":{\"type\":\"encoding_leases\",\"id\":\"lse_1\",\"attributes\":{\"station\":\"line-1\","
                + "\"expires_at\":\"2026-11-25T09:00:00.000000Z\"},\"relationships\":{\"tags\":{\"data\":"
                + "[{\"type\":\"tags\",\"id\":\"tag_a\"}]}}},\"included\":[{\"type\":\"tags\",\"id\":\"tag_a\","
                + "\"attributes\":{\"protocol\":\"ntag_424_dna\",\"url\":\"https://t.example/a\",\"status\":\"created\"}}]}";
        Lease lease = LeaseDocument.read(b(ok), 500);
        assertEquals(new Lease("lse_1", Instant.parse("2026-11-25T09:00:00Z"),
                List.of(new LeasedTag("tag_a", ChipProtocol.NTAG_424_DNA, "https://t.example/a"))), lease);
        assertThrows(PlatformProtocolException.class, () -> LeaseDocument.read(b(ok.replace("expires_at",
                "expiry")), 500));
        assertThrows(PlatformProtocolException.class, () -> LeaseDocument.read(b(ok.replace(
                "2026-11-25T09:00:00.000000Z", "tomorrow")), 500));
        String notArray = ok.substring(0, ok.indexOf("\"included\"")) + "\"included\":{}}";
        assertTrue(assertThrows(PlatformProtocolException.class, () -> LeaseDocument.read(b(notArray), 500))
                .getMessage().contains("/included is not an array"));
        assertThrows(PlatformProtocolException.class, () -> LeaseDocument.read(b(ok.replace("\"url\"", "\"uri\"")),
                500));
        String noRelationships = ok.replace(",\"relationships\":{\"tags\":{\"data\":[{\"type\":\"tags\",\"id\":"
                + "\"tag_a\"}]}}", "");
        assertTrue(assertThrows(PlatformProtocolException.class, () -> LeaseDocument.read(b(noRelationships), 500))
                .getMessage().contains("/data/relationships/tags/data"));
        assertTrue(assertThrows(PlatformProtocolException.class, () -> LeaseDocument.read(b(ok), 0))
                .getMessage().contains("more than the 0 asked for"));
    }

    @Test
    void tagAnswersNeedAStatusAndKeepConfiguredAtVerbatim() {
        TagState t = TagbaseDocuments.tag(b("{\"data\":{\"type\":\"tags\",\"id\":\"tag_a\",\"attributes\":{"
                + "\"protocol\":\"ntag_424_dna\",\"url\":\"u\",\"status\":\"configured\","
                + "\"configured_at\":\"2026-11-24T09:00:00.123000Z\"}}}"));
        assertTrue(t.configured());
        assertEquals(Optional.of("2026-11-24T09:00:00.123000Z"), t.configuredAt());
        TagState created = TagbaseDocuments.tag(b("{\"data\":{\"id\":\"tag_a\",\"attributes\":{\"status\":\"created\","
                + "\"configured_at\":null}}}"));
        assertEquals(Optional.empty(), created.configuredAt());
        assertThrows(PlatformProtocolException.class, () -> TagbaseDocuments.tag(b("{\"data\":{\"id\":\"tag_a\","
                + "\"attributes\":{}}}")));
        assertThrows(PlatformProtocolException.class, () -> TagbaseDocuments.tag(b("not json")));
    }
}
