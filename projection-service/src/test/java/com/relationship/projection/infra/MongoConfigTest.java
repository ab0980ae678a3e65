package com.relationship.projection.infra;

import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MongoConfigTest {

    @Test
    void readModelWritesWaitForAMajorityJournalByDefault() {
        WriteConcern concern = MongoConfig.writeConcern(store("majority", true));

        assertThat(concern.getWString()).isEqualTo("majority");
        assertThat(concern.getJournal()).isTrue();
        assertThat(concern.getWTimeout(TimeUnit.MILLISECONDS)).isEqualTo(10_000);
    }

    @Test
    void aNumberOfMembersIsAW() {
        WriteConcern concern = MongoConfig.writeConcern(store("2", false));

        assertThat(concern.getW()).isEqualTo(2);
        assertThat(concern.getJournal()).isFalse();
    }

    private static ProjectionProperties.Store store(String w, boolean journal) {
        return new ProjectionProperties.Store("account_status", "account_event_ids", 5, Duration.ofSeconds(3), w, journal,
                Duration.ofSeconds(10));
    }
}
