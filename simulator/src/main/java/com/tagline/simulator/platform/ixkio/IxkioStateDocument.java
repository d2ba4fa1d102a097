package com.tagline.simulator.platform.ixkio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ixkio part of {@code GET /_emulator/state} (platform-api §1.4 controls): the AID, the counters
 * and every tag code with status, assignment, assigned date, response and NFT data.
 *
 * <pre>{@code
 * {"aid":"A1",
 *  "counts":{"tag_codes":2,"active":1,"assigned":1,"with_nft":0,"updates_applied":1,"updates_rejected":0,"unauthorized":0},
 *  "tag_codes":[{"xuid":"X1","cuid":"C1","uid":"04A1...","status":"Active","assigned":true,
 *    "assigned_at":"2026-01-01T00:00:00Z","response":"https://...","response_source":"tag_code"|"tag_group",
 *    "nft_chain":null,"nft_contract":null,"nft_token":null,"nft_owner":null}]}
 * }</pre>
 */
final class IxkioStateDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IxkioStateDocument() {
    }

    static ObjectNode of(IxkioAccount account) {
        ObjectNode doc = JSON.createObjectNode().put("aid", account.aid());
        IxkioCounts c = account.counts();
        doc.putObject("counts").put("tag_codes", c.tagCodes()).put("active", c.active()).put("assigned", c.assigned())
                .put("with_nft", c.withNft()).put("updates_applied", c.updatesApplied())
                .put("updates_rejected", c.updatesRejected()).put("unauthorized", c.unauthorized());
        var codes = doc.putArray("tag_codes");
        for (TagCode t : account.tagCodes()) {
            codes.addObject().put("xuid", t.xuid()).put("cuid", t.cuid()).put("uid", t.uid()).put("status", t.status())
                    .put("assigned", t.assigned())
                    .put("assigned_at", t.assignedAt() == null ? null : t.assignedAt().toString())
                    .put("response", t.effectiveResponse())
                    .put("response_source", t.ownResponse() != null ? "tag_code" : "tag_group")
                    .put("nft_chain", t.nftChain()).put("nft_contract", t.nftContract())
                    .put("nft_token", t.nftToken()).put("nft_owner", t.nftOwner());
        }
        return doc;
    }
}
