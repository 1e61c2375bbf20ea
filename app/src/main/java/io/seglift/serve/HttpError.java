package io.seglift.serve;

import java.util.Map;

/**
 * An HTTP error answer: its status, the message sent as {@code {"error": message, "status": N}}, and headers the status
 * calls for ({@code Allow} with 405, {@code WWW-Authenticate} with 401, {@code Retry-After} with 503).
 */
record HttpError(int status, String message, Map<String, String> headers) {
    HttpError {
        headers = Map.copyOf(headers);
    }

    HttpError(int status, String message) {
        this(status, message, Map.of());
    }
}
