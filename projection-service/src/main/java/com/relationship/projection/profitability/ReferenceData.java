package com.relationship.projection.profitability;

import com.relationship.contracts.referencedata.ActivityRatesSet;
import com.relationship.contracts.referencedata.ExchangeRatesSet;
import com.relationship.contracts.referencedata.ReferenceDataChanged;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference data as read from the topic so far: the latest version of each month's exchange rates and
 * of each activity rate card. Immutable: each version read makes a new one.
 *
 * @param readToEnd whether the topic was read to its end once since start: before that a missing rate may
 *                  only not have been read yet
 */
public record ReferenceData(Map<YearMonth, ExchangeRatesSet> rates, NavigableMap<YearMonth, ActivityRatesSet> cards,
                            boolean readToEnd) {

    public static final ReferenceData NONE = new ReferenceData(Map.of(), new TreeMap<>(), false);

    public ReferenceData {
        rates = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rates));
        cards = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(cards));
    }

    /** With {@code data} if it is newer than what is known of its key; this one otherwise. */
    ReferenceData with(ReferenceDataChanged data) {
        if (data instanceof ExchangeRatesSet set) {
            ExchangeRatesSet known = rates.get(set.month());
            if (known != null && known.version() >= set.version()) {
                return this;
            }
            Map<YearMonth, ExchangeRatesSet> next = new TreeMap<>(rates);
            next.put(set.month(), set);
            return new ReferenceData(next, cards, readToEnd);
        }
        ActivityRatesSet card = (ActivityRatesSet) data;
        ActivityRatesSet known = cards.get(card.appliesFrom());
        if (known != null && known.version() >= card.version()) {
            return this;
        }
        NavigableMap<YearMonth, ActivityRatesSet> next = new TreeMap<>(cards);
        next.put(card.appliesFrom(), card);
        return new ReferenceData(rates, next, readToEnd);
    }

    ReferenceData readToTheEnd() {
        return readToEnd ? this : new ReferenceData(rates, cards, true);
    }

    /** The month's rates, if any were set. */
    Optional<ExchangeRatesSet> ratesOf(YearMonth month) {
        return Optional.ofNullable(rates.get(month));
    }

    /** The card that prices {@code month}: the latest that applies from it or a month before. */
    Optional<ActivityRatesSet> cardFor(YearMonth month) {
        return Optional.ofNullable(cards.floorEntry(month)).map(Map.Entry::getValue);
    }

    /** The rate of {@code currency} in {@code month}, into {@code reporting}; 1 for the reporting currency itself. */
    Optional<BigDecimal> rate(YearMonth month, String currency, String reporting) {
        if (currency.equals(reporting)) {
            return Optional.of(BigDecimal.ONE);
        }
        return ratesOf(month).filter(set -> set.reportingCurrency().equals(reporting))
                .map(set -> set.rates().get(currency));
    }
}
