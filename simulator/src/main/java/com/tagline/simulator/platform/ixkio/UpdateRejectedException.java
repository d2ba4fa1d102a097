package com.tagline.simulator.platform.ixkio;

/**
 * A Management API update the platform refuses: answered {@code 200} with {@code {"message": ...}} and
 * nothing changed (platform-api §2.1). The message is the platform's text, e.g. {@code Invalid Status}.
 */
final class UpdateRejectedException extends RuntimeException {
    UpdateRejectedException(String message) {
        super(message, null, false, false);
    }
}
