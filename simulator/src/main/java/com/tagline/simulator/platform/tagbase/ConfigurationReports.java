package com.tagline.simulator.platform.tagbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Applies one entry of {@code POST /api/v1/tag_configurations} (platform-api §1.2) to the ledger and
 * says how: {@code accepted} (applied now), {@code duplicate} (the same report was applied before:
 * same tag, outcome and UID — and for {@code failed}, the same {@code failed_at}), {@code conflict}
 * (the tag is configured with another UID, or the UID is bound to another tag of the account) or
 * {@code rejected} (no such tag for this account, or an invalid entry). Leases do not gate reports:
 * a report for an expired lease is applied unless it conflicts. A {@code failed} report for a tag
 * that is already configured changes nothing and is {@code accepted}.
 *
 * <p>Not thread-safe by itself: called only by {@link TagbaseLedger} under its lock.
 */
final class ConfigurationReports {
    /** A 7-byte chip UID in hex (NTAG 424 DNA and NTAG 223 DNA; ISO/IEC 14443-3 double size). */
    private static final Pattern UID = Pattern.compile("[0-9A-F]{14}");
    private final TagbaseLedger ledger;

    ConfigurationReports(TagbaseLedger ledger) {
        this.ledger = ledger;
    }

    ReportResult apply(String account, ObjectNode resource) {
        JsonNode a = resource.get("attributes");
        String tagId = text(a, "tag_id");
        if (tagId == null || tagId.isEmpty()) {
            return rejected("", "tag_id is required and must be a string");
        }
        String outcome = text(a, "outcome");
        if (!"configured".equals(outcome) && !"failed".equals(outcome)) {
            return rejected(tagId, "outcome must be 'configured' or 'failed', got " + a.get("outcome"));
        }
        TagRecord tag = ledger.find(account, tagId).orElse(null);
        if (tag == null) {
            return rejected(tagId, "no tag " + tagId + " in this account");
        }
        String uid = text(a, "uid") == null ? null : text(a, "uid").toUpperCase(Locale.ROOT);
        if (uid != null && !UID.matcher(uid).matches()) {
            return rejected(tagId, "uid must be 14 hex digits (a 7-byte chip UID), got " + text(a, "uid"));
        }
        return outcome.equals("configured") ? configured(account, tag, uid, a) : failed(tag, uid, a);
    }

    private ReportResult configured(String account, TagRecord tag, String uid, JsonNode a) {
        if (uid == null) {
            return rejected(tag.id, "a configured report needs the chip uid");
        }
        Instant configuredAt;
        try {
            configuredAt = text(a, "configured_at") == null ? ledger.clock.instant()
                    : Instant.parse(text(a, "configured_at"));
        } catch (DateTimeParseException e) {
            return rejected(tag.id, "configured_at is not an ISO 8601 instant: " + text(a, "configured_at"));
        }
        if (tag.status == TagStatus.CONFIGURED) {
            return uid.equals(tag.uid) ? new ReportResult(tag.id, ReportResult.Kind.DUPLICATE, null)
                    : conflict(tag.id, uid, "the tag is already configured with UID " + tag.uid);
        }
        var uids = ledger.tagIdsByUid.computeIfAbsent(account, k -> new HashMap<>());
        String bound = uids.get(uid);
        if (bound != null) {
            return conflict(tag.id, uid, "UID " + uid + " is already bound to tag " + bound);
        }
        tag.status = TagStatus.CONFIGURED;
        tag.configuredAt = configuredAt;
        tag.uid = uid;
        tag.appliedReports.add("configured|" + uid);
        uids.put(uid, tag.id);
        ledger.leaveLeases(tag.id);
        ledger.emit(TagbaseEvent.CONFIGURED, tag, null);
        return new ReportResult(tag.id, ReportResult.Kind.ACCEPTED, null);
    }

    private ReportResult failed(TagRecord tag, String uid, JsonNode a) {
        String key = "failed|" + uid + "|" + text(a, "failed_at");
        if (!tag.appliedReports.add(key)) {
            return new ReportResult(tag.id, ReportResult.Kind.DUPLICATE, null);
        }
        if (tag.status == TagStatus.CREATED) {
            ledger.leaveLeases(tag.id);
            String reason = text(a, "reason");
            ledger.emit(TagbaseEvent.CONFIGURATION_FAILED, tag, reason == null ? "unknown" : reason);
        }
        return new ReportResult(tag.id, ReportResult.Kind.ACCEPTED, null);
    }

    private ReportResult conflict(String tagId, String uid, String detail) {
        ledger.conflicts.add(new TagbaseState.Conflict(tagId, uid, detail));
        return new ReportResult(tagId, ReportResult.Kind.CONFLICT, detail);
    }

    private static ReportResult rejected(String tagId, String detail) {
        return new ReportResult(tagId, ReportResult.Kind.REJECTED, detail);
    }

    private static String text(JsonNode attributes, String name) {
        JsonNode v = attributes.get(name);
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
