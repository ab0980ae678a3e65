package com.relationship.projection.value;

import com.relationship.contracts.Topics;
import com.relationship.contracts.value.AccountValueCodec;
import com.relationship.contracts.value.AccountValueTierChanged;
import com.relationship.projection.readmodel.MongoLease;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Each change of value tier published once, by the instance holding the lease, with its cause, and kept in the
 * value history; a batch the broker did not acknowledge is not kept and goes again under the same ids.
 */
class TierPublisherTest {

    private final ValuePortfolio portfolio = new ValuePortfolio();
    private final TierLedger ledger = new TierLedger(portfolio.database, Duration.ofSeconds(3));
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
    private boolean brokerDown;
    private final java.util.Set<UUID> cadenceMoved = new java.util.HashSet<>();
    private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    private final TierPublisher publisher = publisher("instance-a", ledger, Duration.ZERO);

    private TierPublisher publisher(String instance, TierLedger ledger) {
        return publisher(instance, ledger, Duration.ZERO);
    }

    @SuppressWarnings("unchecked")
    private TierPublisher publisher(String instance, TierLedger ledger, Duration settle) {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            if (brokerDown) {
                return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("down"));
            }
            sent.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        MongoLease lease = new MongoLease(portfolio.database.getCollection(ValueTiersConfig.LEASES), "value-tiers",
                instance, Duration.ofSeconds(15), Clock.systemUTC());
        return new TierPublisher(portfolio.ranking, ledger, lease, kafka, Topics.ACCOUNT_VALUE, Duration.ofSeconds(1),
                cadenceMoved::addAll, settle, nanos::get);
    }

    @Test
    void everyClientIsTieredOnceAndALaterRankingPublishesOnlyTheTiersThatMovedWithTheirCause() {
        UUID first = portfolio.client("First", "4000.00", "2000.00");
        UUID second = portfolio.client("Second", "3000.00", "1500.00");
        portfolio.client("Third", "2000.00", "1000.00");
        portfolio.client("Fourth", "1000.00", "500.00");
        portfolio.account("Prospect", false, List.of());
        portfolio.refresh();

        assertThat(publisher.cycle()).isEqualTo(4);
        Map<UUID, AccountValueTierChanged> firstRound = published();
        assertThat(firstRound).as("the four clients; a prospect has no tier to publish").hasSize(4);
        AccountValueTierChanged top = firstRound.get(first);
        assertThat(top.tier()).isEqualTo("MVC");
        assertThat(top.previousTier()).isNull();
        assertThat(top.sequence()).isEqualTo(1);
        assertThat(top.cause().kind()).isEqualTo("FIRST_RANKED");
        assertThat(top.cause().reason()).isEqualTo("First tiered: Rank 1 of 4 (the top 0.0%): MVC by the cuts at 10, 50 and 75%.");
        assertThat(sent).allSatisfy(record -> assertThat(record.topic()).isEqualTo(Topics.ACCOUNT_VALUE))
                .extracting(ProducerRecord::key).contains(first.toString());

        assertThat(cadenceMoved).as("the MVC and the MGC now call for a shorter cadence; a MIGRATOR or BZ as needed")
                .containsExactlyInAnyOrder(first, second);

        sent.clear();
        cadenceMoved.clear();
        assertThat(publisher.cycle()).as("the same ranking again: nothing moved").isZero();
        assertThat(sent).isEmpty();

        UUID newcomer = portfolio.client("Newcomer", "9000.00", "4500.00");
        portfolio.refresh();
        publisher.cycle();

        Map<UUID, AccountValueTierChanged> secondRound = published();
        assertThat(secondRound.keySet()).as("the newcomer, and the old top pushed to rank 2 of 5 (the top 20%)")
                .containsExactlyInAnyOrder(newcomer, first);
        AccountValueTierChanged pushed = secondRound.get(first);
        assertThat(pushed.tier()).isEqualTo("MGC");
        assertThat(pushed.previousTier()).isEqualTo("MVC");
        assertThat(pushed.sequence()).isEqualTo(2);
        assertThat(pushed.cause().kind()).as("its spend is now the second highest: the average revenue index, a"
                + " percentile of the portfolio's spends, fell").isEqualTo("SCORE");
        assertThat(pushed.cause().previousRank()).isEqualTo(1);
        assertThat(pushed.cause().previousScore()).isGreaterThan(pushed.score());
        assertThat(pushed.cause().reason()).isEqualTo("From MVC to MGC: its score fell from "
                + pushed.cause().previousScore().toPlainString() + " to " + pushed.score().toPlainString()
                + " (rank 1 to 2). Rank 2 of 5 (the top 20.0%): MGC by the cuts at 10, 50 and 75%.");
        assertThat(ledger.history(first, 50)).extracting(AccountValueTierChanged::tier).containsExactly("MVC", "MGC");
        assertThat(ledger.history(first, 50).get(1)).isEqualTo(pushed);
        assertThat(ledger.history(second, 50)).as("MGC both times: one change").hasSize(1);
        assertThat(cadenceMoved).as("daily to every three days, and the newcomer's daily").containsExactlyInAnyOrder(first, newcomer);
    }

    @Test
    void aBatchTheBrokerDidNotAcknowledgeIsNotKeptAndGoesAgainUnderTheSameIds() {
        UUID account = portfolio.client("Only", "1000.00", "500.00");
        portfolio.refresh();
        brokerDown = true;

        assertThatThrownBy(publisher::cycle).hasMessageContaining("sent again at the next cycle");
        assertThat(ledger.history(account, 50)).isEmpty();

        brokerDown = false;
        publisher.cycle();
        assertThat(published().get(account).sequence()).isEqualTo(1);
        assertThat(ledger.history(account, 50)).hasSize(1);
    }

    @Test
    void onlyTheLeaseHolderPublishesAndAnotherInstanceTakesOverOnceItIsReleased() {
        portfolio.client("Only", "1000.00", "500.00");
        portfolio.refresh();
        TierLedger otherLedger = new TierLedger(portfolio.database, Duration.ofSeconds(3));
        TierPublisher other = publisher("instance-b", otherLedger);

        publisher.cycle();
        assertThat(sent).hasSize(1);
        other.cycle();
        assertThat(sent).as("instance-b holds no lease").hasSize(1);
        assertThat(otherLedger.all()).as("but it follows what was published").hasSize(1);

        portfolio.client("Smaller", "500.00", "250.00");
        portfolio.refresh();
        publisher.close();
        other.cycle();

        assertThat(sent).as("instance-b took the lease and published the newcomer, and only it").hasSize(2);
    }

    /** A tier is published once it has held for the settling time, ranking after ranking, and not before. */
    @Test
    void aNewTierIsPublishedOnlyOnceItHeldForTheSettlingTime() {
        TierPublisher settling = publisher("instance-s", new TierLedger(portfolio.database, Duration.ofSeconds(3)),
                Duration.ofSeconds(30));
        UUID account = portfolio.client("Only", "1000.00", "500.00");
        portfolio.refresh();

        settling.cycle();
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        settling.cycle();
        assertThat(sent).as("held 29 s of 30").isEmpty();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        settling.cycle();
        assertThat(published().get(account).tier()).as("held 30 s, with no new ranking").isEqualTo("MVC");
    }

    private Map<UUID, AccountValueTierChanged> published() {
        AccountValueCodec codec = new AccountValueCodec();
        return sent.stream().map(record -> codec.decode(record.value()))
                .collect(Collectors.toMap(AccountValueTierChanged::accountId, Function.identity(), (a, b) -> b));
    }
}
