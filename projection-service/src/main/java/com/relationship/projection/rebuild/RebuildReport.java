package com.relationship.projection.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a rebuild did: how far it read the events topic, and per read model how its shadow compares
 * with the live collection.
 *
 * @param source        where the rebuild read the history: the events topic, from its first offset
 * @param recordsToRead the records on the topic when the rebuild started (it reads up to there)
 * @param undecodable   records no read model can decode (they are on the dead-letter topic too)
 * @param swap          null until the shadows were swapped in
 */
public record RebuildReport(String id, State state, List<String> readModels, String source, Instant startedAt,
                            Instant finishedAt, long recordsRead, long recordsToRead, long undecodable,
                            Double eventsPerSecond, List<ModelReport> models, String failure, Swap swap) {

    public enum State { RUNNING, COMPLETED, FAILED }

    /**
     * One read model's shadow against its live collection. Views are compared at equal applied sequence,
     * both moved by time to the instant of the comparison ({@code ReadModel#comparable}).
     *
     * @param refused          events the fold refused (dead-lettered live as well); the account's later events park
     * @param compared         accounts compared at equal applied sequence
     * @param differing        compared accounts whose digests differ
     * @param differences      the first {@value Rebuilds#LISTED} of them
     * @param atOtherSequence  accounts whose live view has moved on (or lags) since the rebuild read the topic
     * @param onlyLive         accounts in the live collection with no event on the topic
     * @param onlyShadow       accounts with events on the topic the live collection does not hold
     */
    public record ModelReport(String readModel, String liveCollection, String shadowCollection, long refused,
                              long compared, long equal, long differing, List<Difference> differences,
                              long atOtherSequence, long onlyLive, List<UUID> onlyLiveAccounts, long onlyShadow,
                              List<UUID> onlyShadowAccounts) {
    }

    /** An account whose live view is not what its history folds to. */
    public record Difference(UUID accountId, long appliedSequence, String liveDigest, String rebuiltDigest) {
    }

    /**
     * @param replacedCollections per read model, where its former live collection was kept
     * @param offsets             per read model, the consumer group offsets set (partition: offset), so
     *                            its listener goes on from where the rebuild stopped reading
     */
    public record Swap(Instant at, Map<String, String> replacedCollections, Map<String, Map<Integer, Long>> offsets) {
    }
}
