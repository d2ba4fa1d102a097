package com.tagline.simulator.platform.ixkio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one Management API PATCH, validated (seed "The management API accepts the
 * following parameters"; platform-api §2.1). Parameters not named here are ignored; an update without
 * any of them is rejected ({@value #NO_PARAMETERS}). The whole update is rejected when one parameter is
 * invalid: nothing is applied.
 *
 * <ul>
 * <li>{@code ix_dr}: any text sets the tag code's own response; empty reverts to the tag group's.</li>
 * <li>{@code ix_status}: {@code Active} | {@code Inactive} (exact spelling), else {@value #INVALID_STATUS}.</li>
 * <li>{@code ix_assigned}: {@code Assigned} | {@code Unassigned}, else {@value #INVALID_ASSIGNED};
 *     {@code Assigned} sets the assigned date, also when already assigned.</li>
 * <li>{@code ix_nftchain}, {@code ix_nftcontract}, {@code ix_nfttoken}: all three or none, and all with
 *     data or all empty (removal), else {@value #NFT_INCOMPLETE}; a chain outside {@link #NFT_CHAINS}
 *     is {@value #INVALID_CHAIN}.</li>
 * <li>{@code ix_nftowner}: any text sets the owner, empty removes it; alone or with the others.</li>
 * </ul>
 *
 * @param names the recognised parameters present, in the order of the seed's list (the success
 *     answer's {@code updated})
 */
record ManagementUpdate(Map<String, String> values, List<String> names) {
    static final String INVALID_STATUS = "Invalid Status";
    static final String INVALID_ASSIGNED = "Invalid Assigned";
    static final String INVALID_CHAIN = "Invalid NFT Chain";
    static final String NFT_INCOMPLETE = "NFT data incomplete";
    static final String NO_PARAMETERS = "No parameters to update";
    /** The seed's chain names, spelling included. */
    static final Set<String> NFT_CHAINS = Set.of("etherium_main", "etherium_test", "polygon_main", "polygon_test");
    static final List<String> PARAMETERS = List.of("ix_dr", "ix_status", "ix_assigned", "ix_nftchain",
            "ix_nftcontract", "ix_nfttoken", "ix_nftowner");
    private static final List<String> NFT = List.of("ix_nftchain", "ix_nftcontract", "ix_nfttoken");

    ManagementUpdate {
        values = Map.copyOf(values);
        names = List.copyOf(names);
    }

    /** Validates request parameters; throws {@link UpdateRejectedException} with the platform's message. */
    static ManagementUpdate parse(Map<String, String> parameters) {
        List<String> names = new ArrayList<>();
        for (String p : PARAMETERS) {
            if (parameters.containsKey(p)) {
                names.add(p);
            }
        }
        if (names.isEmpty()) {
            throw new UpdateRejectedException(NO_PARAMETERS);
        }
        check(parameters, "ix_status", Set.of("Active", "Inactive"), INVALID_STATUS);
        check(parameters, "ix_assigned", Set.of("Assigned", "Unassigned"), INVALID_ASSIGNED);
        checkNft(parameters);
        Map<String, String> values = new java.util.HashMap<>();
        names.forEach(n -> values.put(n, parameters.get(n)));
        return new ManagementUpdate(values, names);
    }

    private static void check(Map<String, String> parameters, String name, Set<String> allowed, String message) {
        String v = parameters.get(name);
        if (v != null && !allowed.contains(v)) {
            throw new UpdateRejectedException(message);
        }
    }

    private static void checkNft(Map<String, String> parameters) {
        long present = NFT.stream().filter(parameters::containsKey).count();
        if (present == 0) {
            return;
        }
        long filled = NFT.stream().filter(n -> parameters.get(n) != null && !parameters.get(n).isEmpty()).count();
        if (present != NFT.size() || filled != 0 && filled != NFT.size()) {
            throw new UpdateRejectedException(NFT_INCOMPLETE);
        }
        if (filled != 0 && !NFT_CHAINS.contains(parameters.get("ix_nftchain"))) {
            throw new UpdateRejectedException(INVALID_CHAIN);
        }
    }

    /** The tag code after this update; {@code now} becomes the assigned date when Assigned is set. */
    TagCode applyTo(TagCode code, Instant now) {
        TagCode c = code;
        if (values.containsKey("ix_dr")) {
            c = c.withOwnResponse(emptyToNull(values.get("ix_dr")));
        }
        if (values.containsKey("ix_status")) {
            c = c.withActive(values.get("ix_status").equals("Active"));
        }
        if (values.containsKey("ix_assigned")) {
            boolean assigned = values.get("ix_assigned").equals("Assigned");
            c = c.withAssigned(assigned, assigned ? now : c.assignedAt());
        }
        if (values.containsKey("ix_nftchain")) {
            c = c.withNft(emptyToNull(values.get("ix_nftchain")), emptyToNull(values.get("ix_nftcontract")),
                    emptyToNull(values.get("ix_nfttoken")));
        }
        if (values.containsKey("ix_nftowner")) {
            c = c.withNftOwner(emptyToNull(values.get("ix_nftowner")));
        }
        return c;
    }

    private static String emptyToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }
}
