package com.relationship.projection.churn.backtest;

import com.mongodb.client.MongoClient;
import com.relationship.projection.TestMongo;
import com.mongodb.client.MongoDatabase;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.bonding.BondingProperties;
import com.relationship.projection.churn.ChurnCalibrations;
import com.relationship.projection.churn.ChurnProperties;
import com.relationship.projection.churn.LapseCalibration;
import com.relationship.projection.ingest.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backtests and the calibration are kept in the read models' database, so that every instance answers
 * the same: the store code against the embedded MongoDB.
 */
class BacktestRecordsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final MongoClient client = TestMongo.client();
    private final MongoDatabase database = client.getDatabase("backtests_" + UUID.randomUUID().toString().substring(0, 8));
    private final MovableClock clock = new MovableClock(T0);

    @Test
    void anotherInstanceAnswersABacktestAndTheLatestKeptOutliveTheOldest() {
        BacktestRecords one = new BacktestRecords(database, 3, clock);
        BacktestRecords other = new BacktestRecords(database, 3, clock);
        for (int i = 1; i <= 4; i++) {
            clock.move(Duration.ofMinutes(1));
            one.save(done("b" + i, clock.instant()));
        }
        assertThat(other.find("b4")).get().satisfies(status -> {
            assertThat(status.state()).isEqualTo("DONE");
            assertThat(status.report().results().get(0).modelFingerprint()).isEqualTo("2:abc");
            assertThat(status.calibration()).isEqualTo("calibrated");
        });
        assertThat(other.latest()).extracting(ChurnBacktests.Status::id).containsExactly("b4", "b3", "b2");
        assertThat(other.find("b1")).as("beyond the latest 3").isEmpty();
    }

    @Test
    void aRunningBacktestWhoseProgressStoppedIsAnsweredAsFailedNotRunningForever() {
        BacktestRecords records = new BacktestRecords(database, 20, clock);
        records.save(new ChurnBacktests.Status("r1", "RUNNING", null, T0, null, 10, 100, null, null, null));
        assertThat(records.find("r1").orElseThrow().state()).isEqualTo("RUNNING");

        clock.move(BacktestRecords.ABANDONED_AFTER.plusSeconds(1));
        ChurnBacktests.Status abandoned = records.find("r1").orElseThrow();
        assertThat(abandoned.state()).isEqualTo("FAILED");
        assertThat(abandoned.error()).contains("last saved its progress at " + T0, "Start it again");
    }

    @Test
    void aCalibrationAdoptedByOneInstanceReachesTheOtherAtItsNextRefreshAndAnOlderOneDoesNotReplaceIt() {
        ChurnProperties churn = properties(Map.of());
        BondingProperties bonding = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("projection.bonding", BondingProperties.class);
        ChurnCalibrations one = new ChurnCalibrations(database, churn, bonding);
        ChurnCalibrations other = new ChurnCalibrations(database, churn, bonding);
        assertThat(other.current()).isNull();

        LapseCalibration newer = calibration("b2", one.activeFingerprint(), T0.plusSeconds(60));
        assertThat(one.adopt(newer)).isTrue();
        assertThat(one.current()).isEqualTo(newer);
        assertThat(other.current()).as("not read yet").isNull();
        other.refresh();
        assertThat(other.current()).isEqualTo(newer);

        assertThat(other.adopt(calibration("b1", one.activeFingerprint(), T0))).as("finished earlier").isFalse();
        one.refresh();
        assertThat(one.current().backtestId()).isEqualTo("b2");

        ChurnCalibrations off = new ChurnCalibrations(database, properties(Map.of("projection.churn.calibrate", "false")),
                bonding);
        assertThat(off.current()).as("projection.churn.calibrate=false keeps the priors").isNull();
    }

    private static ChurnProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("projection.churn",
                ChurnProperties.class);
    }

    private static LapseCalibration calibration(String id, String fingerprint, Instant at) {
        return new LapseCalibration(id, fingerprint, Duration.ofDays(180), T0.minus(Duration.ofDays(400)),
                T0.minus(Duration.ofDays(200)), at, Map.of(ChurnBand.HIGH, LapseCalibration.band(100, 40,
                Duration.ofDays(180), 30), ChurnBand.LOW, LapseCalibration.band(10, 1, Duration.ofDays(180), 30)));
    }

    private static ChurnBacktests.Status done(String id, Instant at) {
        BacktestReport.ModelResult result = new BacktestReport.ModelResult("2", "2:abc", Duration.ofDays(180), 100, 5, 20,
                0.8, 0.5, 0.6, 2.5, List.of(new BacktestReport.BandCalibration(ChurnBand.HIGH, 30, 15, 0.5, 0.5)),
                List.of(new BacktestReport.DecileCalibration(1, 0, 10, 10, 1, 0.1)), 95.0,
                Map.of(com.relationship.projection.churn.ChurnFactor.STAGE, 10), 0.81);
        return new ChurnBacktests.Status(id, "DONE", new ChurnBacktests.Request(T0.minus(Duration.ofDays(400)), T0,
                Duration.ofDays(30), List.of(Duration.ofDays(180)), List.of("2"), false), at, at, 50, 50,
                new BacktestReport(12, 40, false, List.of(result), null), null, "calibrated");
    }
}
