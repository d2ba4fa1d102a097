package com.tagline.station.console;

import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may use a control (issue 14): only a request carrying {@code Authorization: Bearer <operator
 * token>}, and never a browser's cross-origin post (an {@code Origin} other than the console's own, or
 * {@code Sec-Fetch-Site: cross-site}). The console sends no CORS headers, so a page elsewhere cannot
 * read an answer either. A refusal names the reason, never the token.
 */
final class ControlGuard {
    /** Why a request was refused: the HTTP status and the message. */
    record Refusal(int status, String message) {
    }

    private final Optional<OperatorToken> token;
    private final String tokenSource;

    /** @param tokenSource where a token would come from, named when there is none */
    ControlGuard(Optional<OperatorToken> token, String tokenSource) {
        this.token = token;
        this.tokenSource = tokenSource;
    }

    /** Empty when the request may use the control. */
    Optional<Refusal> check(HttpServerRequest req) {
        if (crossOrigin(req)) {
            return Optional.of(new Refusal(403, "cross-origin request refused"));
        }
        if (token.isEmpty()) {
            return Optional.of(new Refusal(403, "controls are off: the station has no operator token (" + tokenSource
                    + ")"));
        }
        String auth = req.getHeader("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || !token.get().matches(auth.substring(7))) {
            return Optional.of(new Refusal(401, "a valid operator token is required (Authorization: Bearer ...)"));
        }
        return Optional.empty();
    }

    private static boolean crossOrigin(HttpServerRequest req) {
        String site = req.getHeader("Sec-Fetch-Site");
        if (site != null && site.toLowerCase(Locale.ROOT).equals("cross-site")) {
            return true;
        }
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return false; // not a browser's cross-origin request (curl, scripts); the token still decides
        }
        var authority = req.authority(); // Host, or HTTP/2's :authority
        try {
            URI o = URI.create(origin);
            int originPort = o.getPort() >= 0 ? o.getPort() : "https".equals(o.getScheme()) ? 443 : 80;
            int ownPort = authority == null ? -1 : authority.port() >= 0 ? authority.port() : req.isSSL() ? 443 : 80;
            return authority == null || o.getHost() == null || !o.getHost().equalsIgnoreCase(authority.host())
                    || originPort != ownPort;
        } catch (IllegalArgumentException e) {
            return true; // "null" or garbage: a sandboxed or opaque origin
        }
    }
}
