package com.relationship.projection.churn;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.relationship.contracts.churn.ChurnBand;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The calibration revenue at risk uses (issue 27), one per scoring ({@link ChurnScoring#fingerprint()}),
 * in the read models' database so that every instance weighs with the same one: the backtest that
 * finishes adopts it here, the other instances read it within {@code projection.churn.calibration-refresh}.
 * The latest finished backtest of a scoring wins; a calibration of a scoring configured differently since
 * is kept but not used. With {@code projection.churn.calibrate=false} none is used: the bands' priors stay.
 */
@Component
public class ChurnCalibrations {

    static final String COLLECTION = "churn_calibrations";
    private static final Logger log = LoggerFactory.getLogger(ChurnCalibrations.class);

    private final MongoCollection<Document> collection;
    private final String activeFingerprint;
    private final boolean enabled;
    private volatile LapseCalibration current;

    public ChurnCalibrations(MongoDatabase projectionDatabase, ChurnProperties churn,
                             com.relationship.projection.bonding.BondingProperties bonding) {
        this.collection = projectionDatabase.getCollection(COLLECTION);
        this.activeFingerprint = new ChurnScoring(churn.toModel(), bonding.toModel()).fingerprint();
        this.enabled = churn.calibrate();
        refresh();
    }

    /** The active scoring's latest calibration, or null: the bands' priors. */
    public LapseCalibration current() {
        return enabled ? current : null;
    }

    /** Whether a backtest may calibrate revenue at risk ({@code projection.churn.calibrate}). */
    public boolean enabled() {
        return enabled;
    }

    /** The fingerprint of the scoring the read models use: a backtest's result calibrates them if it has this one. */
    public String activeFingerprint() {
        return activeFingerprint;
    }

    /**
     * Takes {@code calibration} as the latest of its scoring unless a later backtest's is stored already
     * (two instances finishing at once); answers whether it did.
     */
    public synchronized boolean adopt(LapseCalibration calibration) {
        Optional<LapseCalibration> stored = read(calibration.modelFingerprint());
        if (stored.isPresent() && stored.get().calibratedAt().isAfter(calibration.calibratedAt())) {
            return false;
        }
        collection.replaceOne(Filters.eq("_id", calibration.modelFingerprint()), write(calibration),
                new ReplaceOptions().upsert(true));
        if (calibration.modelFingerprint().equals(activeFingerprint)) {
            current = calibration;
        }
        log.info("Churn calibration from backtest {} adopted for {}", calibration.backtestId(),
                calibration.modelFingerprint());
        return true;
    }

    /** Reads the active scoring's calibration again: another instance may have adopted a newer one. */
    @Scheduled(fixedDelayString = "${projection.churn.calibration-refresh:30s}",
            initialDelayString = "${projection.churn.calibration-refresh:30s}")
    public void refresh() {
        try {
            read(activeFingerprint).ifPresent(latest -> current = latest);
        } catch (RuntimeException unreadable) {
            // The store is down or the document is damaged: keep weighing by the one we have, and say so.
            log.warn("Could not read the churn calibration; keeping {}",
                    current == null ? "the bands' priors" : "backtest " + current.backtestId(), unreadable);
        }
    }

    private Optional<LapseCalibration> read(String fingerprint) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", fingerprint)).first()).map(ChurnCalibrations::read);
    }

    private static Document write(LapseCalibration c) {
        Document bands = new Document();
        c.bands().forEach((band, b) -> bands.append(band.name(), new Document("scored", b.scored())
                .append("lapses", b.lapses()).append("yearlyLapseChance", b.yearlyLapseChance())));
        return new Document("_id", c.modelFingerprint()).append("backtestId", c.backtestId())
                .append("horizon", c.horizon().toString()).append("from", Date.from(c.from()))
                .append("to", Date.from(c.to())).append("calibratedAt", Date.from(c.calibratedAt()))
                .append("bands", bands);
    }

    private static LapseCalibration read(Document d) {
        Map<ChurnBand, LapseCalibration.Band> bands = new EnumMap<>(ChurnBand.class);
        d.get("bands", Document.class).forEach((band, value) -> {
            Document b = (Document) value;
            Number chance = (Number) b.get("yearlyLapseChance");
            bands.put(ChurnBand.valueOf(band), new LapseCalibration.Band(((Number) b.get("scored")).intValue(),
                    ((Number) b.get("lapses")).intValue(), chance == null ? null : chance.doubleValue()));
        });
        return new LapseCalibration(d.getString("backtestId"), d.getString("_id"), Duration.parse(d.getString("horizon")),
                instant(d, "from"), instant(d, "to"), instant(d, "calibratedAt"), bands);
    }

    private static Instant instant(Document d, String field) {
        return d.getDate(field).toInstant();
    }
}
