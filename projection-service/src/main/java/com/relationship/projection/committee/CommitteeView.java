package com.relationship.projection.committee;

import java.util.List;
import java.util.UUID;

/**
 * An account's buying committee read model: its contacts, the two-way interactions that can still
 * fall in a cadence window, what its cadence depends on, and the figures reckoned from them at
 * {@code figures.at()}.
 *
 * @param contacts     every contact ever added, ACTIVE or LEFT, in the order they were added
 * @param recentTwoWay the TWO_WAY interactions no older than the longest cadence the model knows, oldest
 *                     recorded first; older ones can fall in no window and are dropped
 */
public record CommitteeView(UUID accountId, CadenceBasis basis, List<Contact> contacts, List<TwoWay> recentTwoWay,
                            CommitteeFigures figures, long lastAppliedSequence) {

    public CommitteeView {
        contacts = List.copyOf(contacts);
        recentTwoWay = List.copyOf(recentTwoWay);
    }
}
