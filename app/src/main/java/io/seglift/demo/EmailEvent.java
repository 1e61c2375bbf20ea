package io.seglift.demo;

import java.time.LocalDateTime;

/** One row of {@code raw.email_events}: an open or a click of a weekly campaign. */
public record EmailEvent(String customerId, LocalDateTime occurredAt, String eventType, String campaign) {
}
