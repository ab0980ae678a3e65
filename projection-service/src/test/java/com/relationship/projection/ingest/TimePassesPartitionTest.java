package com.relationship.projection.ingest;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance moves in time exactly the accounts whose events reach the partitions it holds. */
class TimePassesPartitionTest {

    @Test
    void theAccountsPartitionIsTheOneKafkasDefaultPartitionerGivesItsKey() {
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            UUID account = new UUID(random.nextLong(), random.nextLong());
            for (int partitions : new int[]{1, 3, 24}) {
                assertThat(TimePasses.partitionOf(account, partitions)).isEqualTo(BuiltInPartitioner.partitionForKey(
                        account.toString().getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }
}
