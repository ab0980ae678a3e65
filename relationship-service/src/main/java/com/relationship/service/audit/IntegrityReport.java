package com.relationship.service.audit;

import java.util.UUID;

/**
 * What the verification of one account's hash chain found.
 *
 * @param events       how many stored events were read
 * @param lastSequence the last sequence verified intact; null when none was
 * @param lastHash     its hash: an auditor who noted it earlier can tell that nothing after it
 *                     was removed
 * @param brokenAt     the first sequence where the chain breaks; null when intact
 * @param reason       why it breaks there; null when intact
 */
public record IntegrityReport(UUID accountId, boolean intact, long events, Long lastSequence, String lastHash,
                              Long brokenAt, String reason) {
}
