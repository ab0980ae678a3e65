package com.relationship.projection.churn.backtest;

import com.relationship.contracts.churn.ChurnBand;
import com.relationship.account.StageMoves;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.AccountFacts;
import com.relationship.projection.churn.ChurnFactor;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.churn.ChurnScore;
import com.relationship.projection.churn.ChurnScoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a churn model against the account base's own history (issue 27): at each cutoff T, every
 * account that could churn at T (CUSTOMER to PARTNER) is scored <em>as of T</em>, with the one fold
 * over its events known at T and the same scoring function the read models use, at T; its label is
 * whether it lapsed within each horizon after T. Nothing after T leaks in: an event counts only if it
 * happened by T (business time) and, unless {@code useLateFacts}, was also recorded by T (a fact
 * recorded late, dated before T, was not known at T).
 * <p>
 * Pure: histories in, {@link BacktestReport} out, so the same code runs over the events topic, over a
 * history recorded through REST, and over the synthetic histories that prove it.
 */
public final class ChurnBacktest {

    /**
     * What to run.
     *
     * @param from         the first cutoff
     * @param to           the last cutoff (inclusive when a step lands on it)
     * @param step         between cutoffs
     * @param horizons     a lapse within each of these after T is the label
     * @param models       each is scored, by its own version
     * @param useLateFacts whether facts recorded after T but dated before it count (false: only what was known at T)
     * @param asOf         how far the history is known (when it was read): a cutoff whose horizon runs past it
     *                     cannot be labelled yet (a lapse may still come) and is left out of that horizon, counted;
     *                     null: the latest instant an event of the history was recorded at
     * @param weightBounds where the weight search may go; null: {@link WeightBounds#defaults()}
     */
    public record Plan(Instant from, Instant to, Duration step, List<Duration> horizons, List<ChurnModel> models,
                       boolean useLateFacts, Instant asOf, WeightBounds weightBounds) {

        /** Known as far as the history's latest recorded event; the weight search within its default bounds. */
        public Plan(Instant from, Instant to, Duration step, List<Duration> horizons, List<ChurnModel> models,
                    boolean useLateFacts) {
            this(from, to, step, horizons, models, useLateFacts, null, null);
        }

        /** Refuses a plan that cannot run, in words the asker can act on (the endpoint answers them as a 400). */
        public Plan {
            if (from == null || to == null || step == null) {
                throw new IllegalArgumentException("from, to and step are required (ISO-8601: \"2025-01-01T00:00:00Z\","
                        + " \"P30D\")");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
            }
            if (step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException("step must be positive, is " + step);
            }
            if (horizons == null || horizons.isEmpty()
                    || horizons.stream().anyMatch(h -> h == null || h.isNegative() || h.isZero())) {
                throw new IllegalArgumentException("at least one horizon, each positive: " + horizons);
            }
            if (models == null || models.isEmpty()) {
                throw new IllegalArgumentException("at least one model");
            }
            horizons = List.copyOf(horizons);
            models = List.copyOf(models);
            weightBounds = weightBounds == null ? WeightBounds.defaults() : weightBounds;
        }

        /** How many cutoffs the plan scores at. */
        long cutoffCount() {
            return Duration.between(from, to).dividedBy(step) + 1;
        }

        List<Instant> cutoffs() {
            List<Instant> cutoffs = new ArrayList<>();
            for (Instant at = from; !at.isAfter(to); at = at.plus(step)) {
                cutoffs.add(at);
            }
            return cutoffs;
        }
    }

    private final BondingModel bonding;

    public ChurnBacktest(BondingModel bonding) {
        this.bonding = bonding;
    }

    /** @param histories each account's events in sequence order, from its registration */
    public BacktestReport run(Collection<List<EnvelopedAccountEvent>> histories, Plan plan) {
        List<Instant> cutoffs = plan.cutoffs();
        Instant asOf = plan.asOf() != null ? plan.asOf() : histories.stream().flatMap(List::stream)
                .map(EnvelopedAccountEvent::occurredAt).max(Instant::compareTo).orElse(plan.to());
        List<ModelRun> runs = plan.models().stream().map(model -> new ModelRun(model, new ChurnScoring(model, bonding),
                plan.horizons(), asOf, plan.weightBounds())).toList();
        for (List<EnvelopedAccountEvent> history : histories) {
            runs.forEach(ModelRun::nextAccount);
            for (Instant cutoff : cutoffs) {
                // One fold per account and cutoff, scored by every model.
                AccountFacts facts = factsAsOf(history, cutoff, plan.useLateFacts());
                if (facts == null) {
                    continue;
                }
                if (!facts.inputs().stage().canChurn()) {
                    Instant lapsed = lastLapse(history, cutoff);
                    runs.forEach(run -> run.notScored(lapsed));
                    continue;
                }
                Instant lapse = nextLapse(history, cutoff);
                runs.forEach(run -> run.score(facts, cutoff, lapse));
            }
        }
        List<BacktestReport.ModelResult> results = new ArrayList<>();
        runs.forEach(run -> results.addAll(run.results()));
        return new BacktestReport(cutoffs.size(), histories.size(), plan.useLateFacts(), results,
                note(histories, cutoffs, plan, results));
    }

    /** What one model's scoring of the history gathers, account by account. */
    private static final class ModelRun {

        private final ChurnModel model;
        private final ChurnScoring scoring;
        private final List<Duration> horizons;
        private final Duration longest;
        private final Instant asOf;
        private final WeightBounds bounds;
        private final Map<Duration, List<Outcome>> outcomes = new HashMap<>();
        private final Map<Duration, Integer> unobserved = new HashMap<>();
        private final List<Double> leadDays = new ArrayList<>();
        private final List<double[]> shares = new ArrayList<>();
        private Instant highSince; // the cutoff from which the current account has been HIGH without a break

        ModelRun(ChurnModel model, ChurnScoring scoring, List<Duration> horizons, Instant asOf, WeightBounds bounds) {
            this.model = model;
            this.bounds = bounds;
            this.asOf = asOf;
            this.scoring = scoring;
            this.horizons = horizons;
            this.longest = horizons.stream().max(Duration::compareTo).orElseThrow();
            horizons.forEach(h -> {
                outcomes.put(h, new ArrayList<>());
                unobserved.put(h, 0);
            });
        }

        void nextAccount() {
            highSince = null;
        }

        /** The account could not churn at this cutoff: if it lapsed while HIGH, how long HIGH warned of it. */
        void notScored(Instant lapsed) {
            if (highSince != null && lapsed != null && !lapsed.isBefore(highSince)) {
                leadDays.add((double) Duration.between(highSince, lapsed).toHours() / 24);
            }
            highSince = null;
        }

        void score(AccountFacts facts, Instant cutoff, Instant nextLapse) {
            ChurnScoring.Scored scored = scoring.scoreWithShares(facts.inputs(), cutoff);
            ChurnScore score = scored.score();
            // The weight search learns from the longest horizon's labels: shares only where it has one.
            if (!scored.shares().isEmpty() && !cutoff.plus(longest).isAfter(asOf)) {
                double[] inOrder = new double[ChurnFactor.values().length];
                scored.shares().forEach((factor, share) -> inOrder[factor.ordinal()] = share);
                shares.add(inOrder);
            }
            highSince = score.band() != ChurnBand.HIGH ? null : highSince == null ? cutoff : highSince;
            for (Duration horizon : horizons) {
                if (cutoff.plus(horizon).isAfter(asOf)) {
                    // Its horizon has not passed: "no lapse yet" is not "no lapse", so it is not labelled.
                    unobserved.merge(horizon, 1, Integer::sum);
                    continue;
                }
                boolean lapsed = nextLapse != null && !nextLapse.isAfter(cutoff.plus(horizon));
                outcomes.get(horizon).add(new Outcome(score.score(), score.band(), lapsed));
            }
        }

        List<BacktestReport.ModelResult> results() {
            WeightSearch.Suggestion suggestion = shares.isEmpty() ? null : WeightSearch.best(model.weights(), bounds, shares,
                    outcomes.get(longest).stream().map(Outcome::lapsed).toList());
            List<BacktestReport.ModelResult> results = new ArrayList<>();
            for (Duration horizon : horizons) {
                results.add(BacktestMetrics.of(model.version(), scoring.fingerprint(), horizon, outcomes.get(horizon),
                        unobserved.get(horizon), leadDays, model.judgement().lapsePriors(),
                        horizon.equals(longest) ? suggestion : null));
            }
            return results;
        }
    }

    /**
     * Why nothing was scored, where the asker can change it: a history recorded after the cutoffs (imported,
     * or recorded late with its business time) is not known at them unless late facts are asked for.
     */
    private static String note(Collection<List<EnvelopedAccountEvent>> histories, List<Instant> cutoffs, Plan plan,
                               List<BacktestReport.ModelResult> results) {
        if (plan.useLateFacts() || results.stream().anyMatch(r -> r.scored() > 0)) {
            return null;
        }
        Instant lastCutoff = cutoffs.get(cutoffs.size() - 1);
        boolean recordedLate = histories.stream().flatMap(List::stream)
                .anyMatch(e -> e.occurredAt().isAfter(lastCutoff) && !e.businessTime().isAfter(lastCutoff));
        return recordedLate ? "No account was scored: the events dated before the cutoffs were recorded after them"
                + " (a history imported or recorded late), so none was known at a cutoff. Ask again with"
                + " useLateFacts=true to score them as of their business time." : null;
    }

    /** One account scored at one cutoff, and whether it lapsed within the horizon. */
    record Outcome(int score, ChurnBand band, boolean lapsed) {
    }

    /**
     * The facts of the account as known at {@code cutoff}: its events that happened by then, and (unless
     * late facts are allowed) were recorded by then; null when it was not registered yet.
     */
    static AccountFacts factsAsOf(List<EnvelopedAccountEvent> history, Instant cutoff, boolean useLateFacts) {
        AccountFacts facts = null;
        for (EnvelopedAccountEvent event : history) {
            if (!useLateFacts && event.occurredAt().isAfter(cutoff)) {
                break; // recorded in sequence order: everything from here on was recorded later
            }
            if (event.businessTime().isAfter(cutoff)) {
                continue;
            }
            if (facts == null && event.sequence() != 0) {
                return null; // its registration has not happened yet
            }
            facts = AccountFacts.apply(facts, event);
        }
        return facts;
    }

    /** When the account next lapsed after {@code cutoff} (business time), or null. */
    static Instant nextLapse(List<EnvelopedAccountEvent> history, Instant cutoff) {
        Instant next = null;
        for (EnvelopedAccountEvent event : history) {
            if (lapses(event) && event.businessTime().isAfter(cutoff)
                    && (next == null || event.businessTime().isBefore(next))) {
                next = event.businessTime();
            }
        }
        return next;
    }

    /** The event moves the account into LAPSED: what the one answer to "which stage after this event" says. */
    private static boolean lapses(EnvelopedAccountEvent event) {
        return StageMoves.lifecycleAfter(event.event()).filter(stage -> stage == LifecycleStage.LAPSED).isPresent();
    }

    /** When the account last lapsed by {@code cutoff} (business time), or null. */
    static Instant lastLapse(List<EnvelopedAccountEvent> history, Instant cutoff) {
        Instant last = null;
        for (EnvelopedAccountEvent event : history) {
            if (lapses(event) && !event.businessTime().isAfter(cutoff)
                    && (last == null || event.businessTime().isAfter(last))) {
                last = event.businessTime();
            }
        }
        return last;
    }

    /**
     * Groups a stream of events by account, each in sequence order, the accounts in id order: the deciles
     * split tied scores by the order accounts come in, so two backtests of the same topic give the same report.
     */
    public static Collection<List<EnvelopedAccountEvent>> byAccount(Collection<EnvelopedAccountEvent> events) {
        Map<UUID, List<EnvelopedAccountEvent>> byAccount = new java.util.TreeMap<>();
        events.forEach(e -> byAccount.computeIfAbsent(e.accountId(), id -> new ArrayList<>()).add(e));
        byAccount.values().forEach(list -> list.sort(java.util.Comparator.comparingLong(EnvelopedAccountEvent::sequence)));
        return byAccount.values();
    }
}
