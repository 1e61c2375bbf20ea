package io.seglift.destination.hubspot;

/** An HTTP answer HubSpot gave that the caller may handle (404 for "not found", 400 to bisect a batch). */
final class HubSpotApiException extends RuntimeException {
    private final int status;
    private final String category;

    HubSpotApiException(int status, String category, String message) {
        super(message);
        this.status = status;
        this.category = category;
    }

    int status() {
        return status;
    }

    String category() {
        return category;
    }
}
