package com.relationship.service.web;

import java.util.UUID;

/**
 * What every accepted command answers.
 *
 * @param version the sequence number of the account's last event (0 after registration)
 */
public record CommandAccepted(UUID accountId, long version) {
}
