package io.seglift.sync.state;

import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RowStatus;

/**
 * What happened to one member in one batch, as committed.
 *
 * @param customerKey   the member
 * @param operation     add, remove or update
 * @param status        ok, rejected or retry
 * @param code          machine code of a failure, or null
 * @param message       failure message without personal data, or null
 * @param destinationId the destination's record id (from the result, else from the committed state)
 * @param fingerprint   fingerprint of the mapped fields sent
 */
public record Outcome(String customerKey, Operation operation, RowStatus status, String code, String message,
                      String destinationId, String fingerprint) {
}
