package com.relationship.service.account;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the write side knows of an account now, as its own aggregate holds it.
 *
 * @param version        the sequence number of its last event: send it as {@code If-Match} to make
 *                       a command conditional on nothing having changed since
 * @param lapsedFrom     the stage it lapsed from, while LAPSED
 * @param kamStage       null while not on the KAM track
 * @param openComplaints the complaints still to be resolved
 * @param activeBonds    the bonds in force, by id, with their kind
 */
public record AccountSnapshot(UUID accountId, long version, LifecycleStage stage, LifecycleStage lapsedFrom,
                           Classification classification, KamStage kamStage, Set<UUID> openComplaints,
                           Map<UUID, BondKind> activeBonds) {
}
