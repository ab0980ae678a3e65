package com.relationship.service.relay;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * One pass of the topic check: every account the relay has published to (and every account whose
 * history on the topic has a hole) compared with what the topic holds, and what was published again.
 *
 * @param topicReadAsOf     everything on the events topic at this instant was read before the comparison
 * @param accountsChecked   accounts compared: each with a relay position, and each with a hole on the topic
 * @param topicRecordsRead  records this instance has read back from the topic since it started
 * @param repaired          the accounts whose missing events were published again, the first
 *                          {@value TopicRepairs#LISTED}
 * @param accountsRepaired  how many accounts that is in all
 * @param eventsPublished   events published again
 * @param failed            the accounts whose missing events could not be published (tried again next
 *                          pass), the first {@value TopicRepairs#LISTED}
 */
public record TopicRepair(Instant startedAt, Instant finishedAt, Instant topicReadAsOf, long accountsChecked,
                          long topicRecordsRead, List<RepairedAccount> repaired, long accountsRepaired, long eventsPublished,
                          List<UnrepairedAccount> failed) {

    /** An account's events that were not on the topic, now published, in this order. */
    public record RepairedAccount(String accountId, SortedSet<Long> sequences) {
    }

    /** An account's events that are not on the topic and could not be published, and why. */
    public record UnrepairedAccount(String accountId, SortedSet<Long> sequences, String reason) {
    }
}
