package com.relationship.projection.value;

import com.relationship.contracts.value.AccountValueCodec;
import com.relationship.contracts.value.AccountValueTierChanged;
import com.relationship.projection.readmodel.MongoLease;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Publishes each change of value tier on {@code relationship.account-value.v1} and keeps it in the value history
 * (issue 30). Every instance ranks the portfolio, but one publishes: the one holding the {@code value-tiers}
 * lease ({@link MongoLease}). After each ranking it compares every account's tier with the one last published
 * ({@link TierLedger}) and publishes the differences, in batches: a batch is sent (in one Kafka transaction where
 * the producer is transactional), then kept. A batch that fails is neither kept nor lost: the next cycle finds the
 * same differences and sends them again under the same ids; a publisher killed between sending and keeping does the
 * same after the next holder takes the lease. Consumers drop a re-send by its CloudEvent id.
 * <p>
 * Every instance, holder or not, follows the ledger each cycle: each knows the tier last published of every account
 * (the churn model's contact cadence reads it). Where a tier's cadence changed, the publisher (when it publishes) and
 * every instance (when it reads the change) make the account due in the read models that score with the cadence:
 * whichever instance's pass over time moves it then has read the new tier, at the latest after its own refresh.
 */
public final class TierPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TierPublisher.class);
    static final int BATCH = 1_000;

    private final ValueRanking ranking;
    private final TierLedger ledger;
    private final MongoLease lease;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Duration ackTimeout;
    private final Consumer<Set<UUID>> cadenceMoved;
    private final Duration settle;
    private final LongSupplier nanos;
    /** The accounts whose ranked tier differs from the one published, since when (real time), while it settles. */
    private final Map<UUID, Unsettled> unsettled = new HashMap<>();
    private final AccountValueCodec codec = new AccountValueCodec();
    private long publishedRanking;
    private boolean holding;

    private record Unsettled(ValueTier tier, long sinceNanos) {
    }

    /**
     * @param cadenceMoved told the accounts whose tier's contact cadence changed (read or published here): the read
     *                     models that score with it make them due, so time re-scores them with the new one
     * @param settle       how long a new tier must hold, ranking after ranking, before it is published (0: at once)
     * @param nanos        the real time the settling is measured in ({@code System::nanoTime})
     */
    TierPublisher(ValueRanking ranking, TierLedger ledger, MongoLease lease, KafkaTemplate<String, byte[]> kafka,
                  String topic, Duration ackTimeout, Consumer<Set<UUID>> cadenceMoved, Duration settle,
                  LongSupplier nanos) {
        this.cadenceMoved = cadenceMoved;
        this.settle = settle;
        this.nanos = nanos;
        this.ranking = ranking;
        this.ledger = ledger;
        this.lease = lease;
        this.kafka = kafka;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
    }

    /**
     * One cycle: follows the ledger; as the lease's holder, publishes what the latest ranking changed. Answers how
     * many accounts changed tier (read or published).
     */
    public synchronized int cycle() {
        TierLedger.Refreshed refreshed = ledger.refresh();
        if (!refreshed.cadenceMoved().isEmpty()) {
            cadenceMoved.accept(refreshed.cadenceMoved());
        }
        int read = refreshed.tierMoved().size();
        boolean holds = lease.holdOrTake();
        if (holds != holding) {
            log.info("{} the value tiers' publisher lease ({})", holds ? "Took" : "Lost", lease.holder());
            holding = holds;
            publishedRanking = 0;
            unsettled.clear();
        }
        ValueRanking.Snapshot latest = ranking.snapshot();
        // A ranking already published is looked at again only while tiers are settling: time alone may settle them.
        if (!holds || latest.at() == null || (latest.ranking() == publishedRanking && unsettled.isEmpty())) {
            return read;
        }
        List<AccountValueTierChanged> changes = changes(latest);
        for (int from = 0; from < changes.size(); from += BATCH) {
            List<AccountValueTierChanged> batch = changes.subList(from, Math.min(changes.size(), from + BATCH));
            send(batch);
            Set<UUID> moved = ledger.record(batch);
            if (!moved.isEmpty()) {
                cadenceMoved.accept(moved);
            }
        }
        publishedRanking = latest.ranking();
        if (!changes.isEmpty()) {
            log.info("Published {} change(s) of value tier from the ranking at {}", changes.size(), latest.at());
        }
        return read + changes.size();
    }

    /**
     * Every account whose tier in the ranking differs from the one last published and has held for {@code settle}, in
     * the order of their ids. While the portfolio moves (read models catching up on years of history, a bulk import),
     * a rank near a cut crosses it back and forth; the tier published is one that held.
     */
    List<AccountValueTierChanged> changes(ValueRanking.Snapshot ranked) {
        List<AccountValueTierChanged> changes = new ArrayList<>();
        long now = nanos.getAsLong();
        for (Map.Entry<UUID, ValueRanking.Standing> entry : ranked.accounts().entrySet()) {
            UUID accountId = entry.getKey();
            TierLedger.Published before = ledger.published(accountId);
            ValueRanking.Standing standing = entry.getValue();
            if ((before == null && standing.tier() == null) || (before != null && before.tier() == standing.tier())) {
                unsettled.remove(accountId);
                continue;
            }
            Unsettled since = unsettled.get(accountId);
            if (since == null || since.tier() != standing.tier()) {
                since = new Unsettled(standing.tier(), now);
                unsettled.put(accountId, since);
            }
            if (now - since.sinceNanos() >= settle.toNanos()) {
                changes.add(change(accountId, before, standing, ranked));
                unsettled.remove(accountId);
            }
        }
        unsettled.keySet().retainAll(ranked.accounts().keySet());
        changes.sort(Comparator.comparing(AccountValueTierChanged::accountId));
        return changes;
    }

    /** The change from what was published to where the account stands now, with its cause. */
    static AccountValueTierChanged change(UUID accountId, TierLedger.Published before, ValueRanking.Standing now,
                                          ValueRanking.Snapshot ranked) {
        return new AccountValueTierChanged(accountId, before == null ? 1 : before.sequence() + 1,
                now.tier() == null ? null : now.tier().name(),
                before == null || before.tier() == null ? null : before.tier().name(), now.score(), now.rank(),
                ranked.rankedAccounts(), now.topPercent(), ranked.at(), cause(before, now));
    }

    private static AccountValueTierChanged.Cause cause(TierLedger.Published before, ValueRanking.Standing now) {
        if (before == null || before.tier() == null && now.tier() != null) {
            return new AccountValueTierChanged.Cause("FIRST_RANKED", (before == null ? "First tiered: " : "Ranked again: ")
                    + now.tierReason(),
                    before == null ? null : before.score(), null);
        }
        BigDecimal previousScore = before.score();
        if (now.tier() == null) {
            return new AccountValueTierChanged.Cause("NOT_RANKED", now.tierReason(), previousScore, before.rank());
        }
        if (now.belowZero()) {
            return new AccountValueTierChanged.Cause("BELOW_ZERO", now.tierReason(), previousScore, before.rank());
        }
        String moved = "From " + before.tier() + " to " + now.tier() + ": ";
        if (now.score().compareTo(previousScore) != 0) {
            return new AccountValueTierChanged.Cause("SCORE", moved + "its score " + (now.score().compareTo(previousScore) > 0
                    ? "rose" : "fell") + " from " + previousScore.toPlainString() + " to " + now.score().toPlainString()
                    + rankMove(before, now) + ". " + now.tierReason(), previousScore, before.rank());
        }
        return new AccountValueTierChanged.Cause("PORTFOLIO", moved + "its score held at " + now.score().toPlainString()
                + " while the portfolio moved" + rankMove(before, now) + ". " + now.tierReason(), previousScore, before.rank());
    }

    private static String rankMove(TierLedger.Published before, ValueRanking.Standing now) {
        return before.rank() == null ? "" : " (rank " + before.rank() + " to " + now.rank() + ")";
    }

    /** Sends one batch and waits for the broker: in one transaction where the producer is transactional. */
    private void send(List<AccountValueTierChanged> batch) {
        if (kafka.isTransactional()) {
            kafka.executeInTransaction(operations -> {
                batch.forEach(change -> operations.send(record(change)));
                return null;
            });
            return;
        }
        List<CompletableFuture<SendResult<String, byte[]>>> sent = batch.stream().map(c -> kafka.send(record(c))).toList();
        try {
            for (CompletableFuture<SendResult<String, byte[]>> ack : sent) {
                ack.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing value tiers", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The value topic " + topic + " did not acknowledge " + batch.size()
                    + " tier change(s) within " + ackTimeout + "; they are sent again at the next cycle", e);
        }
    }

    private ProducerRecord<String, byte[]> record(AccountValueTierChanged change) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, change.accountId().toString(),
                codec.encode(change));
        record.headers().add("content-type", AccountValueCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Gives the lease up on the way down (after the cycles stopped: Spring closes beans once every lifecycle
     * stopped), so another instance publishes at once rather than when the lease runs out.
     */
    @Override
    public void close() {
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("Could not release the value tiers' publisher lease; it runs out on its own: {}", e.toString());
        }
    }
}
