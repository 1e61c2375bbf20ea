package io.seglift.serve;

/** An HTTP error answer: its status and the message sent as {@code {"error": message}}. */
record HttpError(int status, String message) {
}
