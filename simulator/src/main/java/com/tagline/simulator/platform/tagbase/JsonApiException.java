package com.tagline.simulator.platform.tagbase;

/**
 * A request the tagbase emulator refuses, answered as a JSON:API error document (platform-api §1.1):
 * status, title, detail and the JSON pointer of the offending member (null for none).
 */
final class JsonApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final String pointer;

    JsonApiException(int status, String title, String detail, String pointer) {
        super(detail);
        this.status = status;
        this.title = title;
        this.pointer = pointer;
    }

    static JsonApiException badRequest(String detail, String pointer) {
        return new JsonApiException(400, "Bad Request", detail, pointer);
    }

    static JsonApiException unprocessable(String detail, String pointer) {
        return new JsonApiException(422, "Unprocessable Entity", detail, pointer);
    }

    static JsonApiException notFound(String detail) {
        return new JsonApiException(404, "Not Found", detail, null);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String pointer() {
        return pointer;
    }
}
