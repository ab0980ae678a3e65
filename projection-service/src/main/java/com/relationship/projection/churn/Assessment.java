package com.relationship.projection.churn;

import com.relationship.projection.churn.ChurnInputs.Complaint;
import com.relationship.projection.churn.ChurnInputs.Dated;
import com.relationship.projection.churn.ChurnScore.Points;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One factor's reading of an account: the share of its weight it gives (0 to 1), in words an account
 * manager understands, with the events behind it. A null share is a factor without data (no survey
 * yet): the model decides what that scores. The factors both generations read alike live here.
 */
record Assessment(ChurnFactor factor, Double share, String reason, List<String> eventIds) {

    Assessment {
        eventIds = List.copyOf(eventIds);
        if (share != null && (share < 0 || share > 1)) {
            throw new IllegalArgumentException(factor + " share " + share + " is outside 0 to 1");
        }
    }

    boolean hasData() {
        return share != null;
    }

    /** The points of a factor with data at {@code weight}: the share of it, rounded. */
    Points points(int weight) {
        return new Points(factor, (int) Math.round(weight * share), reason, eventIds);
    }

    /**
     * Days since the last two-way interaction against the contact cadence the account is held to: its stage's, or its
     * value tier's where shorter.
     */
    static Assessment indifference(ChurnModel model, ChurnInputs account, Instant now) {
        Duration cadence = model.cadenceFor(account);
        Dated last = account.lastTwoWayInteraction();
        Instant since = last != null ? last.at() : account.registeredAt();
        double cadences = (double) Duration.between(since, now).toSeconds() / cadence.toSeconds();
        long days = Duration.between(since, now).toDays();
        boolean byTier = account.tierCadence() != null && cadence.equals(account.tierCadence().every())
                && cadence.compareTo(model.cadenceFor(account.stage(), account.lapsedFrom(), account.keyAccount())) < 0;
        String expected = byTier
                ? "an " + account.tierCadence().tier() + " (its value tier) calls for one " + every(cadence)
                : "a " + account.stage() + (account.keyAccount() ? " key account" : "") + " calls for one " + every(cadence);
        String reason = last == null
                ? "No two-way interaction since registration " + days + " days ago; " + expected + "."
                : (cadences <= 1 ? "Last two-way interaction " + days + " days ago, within the cadence: " + expected + "."
                : "No two-way interaction for " + days + " days; " + expected + ".");
        return new Assessment(ChurnFactor.INDIFFERENCE, clamp((cadences - 1) / model.indifferenceSpan()), reason,
                last == null ? List.of() : List.of(last.eventId()));
    }

    /** Complaints open past their due time: two overdue are already a customer who is not being heard. */
    static Assessment unheardVoice(ChurnInputs account, Instant now) {
        List<Complaint> overdue = account.openComplaints().stream().filter(c -> c.dueBy().isBefore(now))
                .sorted(Comparator.comparing(Complaint::dueBy)).toList();
        if (overdue.isEmpty()) {
            return new Assessment(ChurnFactor.UNHEARD_VOICE, 0.0, account.openComplaints().isEmpty()
                    ? "No open complaint." : account.openComplaints().size() + " open complaint(s), none past due.",
                    List.of());
        }
        long oldest = Duration.between(overdue.get(0).dueBy(), now).toDays();
        return new Assessment(ChurnFactor.UNHEARD_VOICE, Math.min(1.0, overdue.size() / 2.0), overdue.size()
                + " complaint(s) open past their due time, the oldest by " + oldest + " days.",
                overdue.stream().map(Complaint::eventId).filter(Objects::nonNull).toList());
    }

    private static String every(Duration cadence) {
        return cadence.toDays() == 1 ? "every day" : "every " + cadence.toDays() + " days";
    }

    static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
