package com.relationship.service.referencedata;

import com.relationship.contracts.referencedata.ActivityRatesSet;
import com.relationship.contracts.referencedata.ExchangeRatesSet;
import com.relationship.contracts.referencedata.ReferenceDataChanged;
import com.relationship.security.Actor;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.IfMatch;
import com.relationship.service.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * The reference data profitability is worked out with (issue 29), for admins to set and anyone to read:
 * the exchange rates of each month into the reporting currency, and the activity rate card that prices
 * the cost to serve. Each PUT stores a new version (the same content again stores nothing and answers the
 * version it is), published on {@code relationship.reference-data.v1}; every version is kept, so a
 * report can say which one it used.
 */
@RestController
@RequestMapping(value = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reference data", description = "Exchange rates and the activity rate card, versioned, for the"
        + " figures in the reporting currency")
class ReferenceDataController {

    private static final Pattern ACTIVITY = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final int MOST_ENTRIES = 200;

    private final ReferenceDataStore store;
    private final ReferenceDataPublisher publisher;
    private final Currency reportingCurrency;
    private final Clock clock = Clock.systemUTC();

    ReferenceDataController(ReferenceDataStore store, ReferenceDataPublisher publisher,
                            ReferenceDataProperties properties) {
        this.store = store;
        this.publisher = publisher;
        this.reportingCurrency = properties.reportingCurrency();
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record ExchangeRatesRequest(@NotNull @Size(min = 1, max = MOST_ENTRIES)
                                @Schema(description = "Per ISO 4217 code, the units of the reporting currency one"
                                        + " unit of it buys in the month (above 0); the reporting currency itself is"
                                        + " left out (1 by definition)", example = "{\"USD\": 0.9215, \"GBP\": 1.1702}")
                                Map<String, @NotNull @DecimalMin(value = "0", inclusive = false)
                                        @Digits(integer = 12, fraction = 10) BigDecimal> rates,
                                @NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true)
                                @Schema(description = "Where the rates come from, such as \"ECB monthly average\"")
                                String reason) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record ActivityRatesRequest(@NotNull @Schema(type = "string", pattern = "^[0-9]{4}-[0-9]{2}$", example = "2026-01",
                                        description = "The first month the card prices (yyyy-MM): it applies until"
                                                + " the month of the next card") String appliesFrom,
                                @NotNull @Size(min = 1, max = MOST_ENTRIES)
                                @Schema(description = "Per activity (SALES_VISIT, CALL, SUPPORT_CASE, CUSTOMIZATION,"
                                        + " EXPEDITED_DELIVERY, TRAINING, or one of your own in upper case), the"
                                        + " cost of one unit in the reporting currency; DISCOUNT is not on the card"
                                        + " (a discount costs its own amount)",
                                        example = "{\"SALES_VISIT\": 450.00, \"CALL\": 25.00, \"SUPPORT_CASE\": 80.00}")
                                Map<String, @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 4) BigDecimal> costPerUnit,
                                @NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true)
                                String reason) {
    }

    @PutMapping(value = "/exchange-rates/{month}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setExchangeRates", summary = "Set the exchange rates of a month (admin)",
            description = "Stores a new version of the month's rates into the reporting currency and publishes it;"
                    + " the same rates again store nothing and answer the version they are. If-Match (a version)"
                    + " sets them only if the month is still at that version. Answers the version, with its ETag.")
    ResponseEntity<ExchangeRatesSet> setExchangeRates(
            @Parameter(description = "The month, yyyy-MM", example = "2026-01") @PathVariable String month,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ExchangeRatesRequest request) {
        YearMonth of = monthOf(month);
        request.rates().keySet().forEach(this::requireACurrency);
        String key = ExchangeRatesSet.keyOf(of);
        return answer(set(key, ifMatch, latest -> latest instanceof ExchangeRatesSet rates && sameAmounts(rates.rates(),
                        request.rates()) && rates.reportingCurrency().equals(reportingCurrency.getCurrencyCode()),
                version -> new ExchangeRatesSet(of, reportingCurrency.getCurrencyCode(), request.rates(), version,
                        request.reason(), Actor.required().subject(), clock.instant())), ExchangeRatesSet.class);
    }

    @GetMapping("/exchange-rates/{month}")
    @Operation(operationId = "getExchangeRates", summary = "The exchange rates of a month, as last set (reader)",
            description = "The newest version, with its ETag; 404 when none was ever set.")
    ResponseEntity<ExchangeRatesSet> getExchangeRates(@Parameter(description = "The month, yyyy-MM", example = "2026-01")
                                                      @PathVariable String month) {
        String key = ExchangeRatesSet.keyOf(monthOf(month));
        return answer(store.latest(key).orElseThrow(() -> ReferenceDataProblem.notFound(key)).data(),
                ExchangeRatesSet.class);
    }

    @GetMapping("/exchange-rates/{month}/versions")
    @Operation(operationId = "listExchangeRateVersions", summary = "Every version of a month's exchange rates (reader)",
            description = "Newest first: what each report that names a version used.")
    List<ExchangeRatesSet> exchangeRateVersions(@Parameter(description = "The month, yyyy-MM", example = "2026-01")
                                                @PathVariable String month) {
        return store.versionsOf(ExchangeRatesSet.keyOf(monthOf(month))).stream()
                .map(stored -> (ExchangeRatesSet) stored.data()).toList();
    }

    @GetMapping("/exchange-rates")
    @Operation(operationId = "listExchangeRates", summary = "The exchange rates of every month set (reader)",
            description = "The newest version of each month, oldest month first.")
    List<ExchangeRatesSet> exchangeRates() {
        return store.latestOfEach(ExchangeRatesSet.KEY_PREFIX).stream()
                .map(stored -> (ExchangeRatesSet) stored.data()).toList();
    }

    @PutMapping(value = "/activity-rates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setActivityRates", summary = "Set the activity rate card from a month on (admin)",
            description = "Stores a new version of the card that applies from appliesFrom (until the month of the"
                    + " next card) and publishes it; the same costs again store nothing and answer the version they"
                    + " are. If-Match (a version) sets it only if that card is still at that version.")
    ResponseEntity<ActivityRatesSet> setActivityRates(
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ActivityRatesRequest request) {
        YearMonth from = monthOf(request.appliesFrom(), "appliesFrom");
        request.costPerUnit().keySet().forEach(ReferenceDataController::requireAnActivity);
        String key = ActivityRatesSet.keyOf(from);
        return answer(set(key, ifMatch, latest -> latest instanceof ActivityRatesSet card
                        && sameAmounts(card.costPerUnit(), request.costPerUnit())
                        && card.reportingCurrency().equals(reportingCurrency.getCurrencyCode()),
                version -> new ActivityRatesSet(from, reportingCurrency.getCurrencyCode(), request.costPerUnit(),
                        version, request.reason(), Actor.required().subject(), clock.instant())), ActivityRatesSet.class);
    }

    @GetMapping("/activity-rates")
    @Operation(operationId = "listActivityRates", summary = "Every activity rate card (reader)",
            description = "The newest version of each card, by the month it applies from, oldest first.")
    List<ActivityRatesSet> activityRates() {
        return store.latestOfEach(ActivityRatesSet.KEY_PREFIX).stream()
                .map(stored -> (ActivityRatesSet) stored.data()).toList();
    }

    /**
     * Stores the next version of {@code key}, unless its latest already says the same, and publishes it.
     * If-Match, when given, must name the latest version (0: that nothing was set yet).
     */
    private ReferenceDataChanged set(String key, String ifMatch, java.util.function.Predicate<ReferenceDataChanged> same,
                                     LongFunction<ReferenceDataChanged> version) {
        Optional<ReferenceDataChanged> latest = store.latest(key).map(ReferenceDataStore.Stored::data);
        long current = latest.map(ReferenceDataChanged::version).orElse(0L);
        Long expected = IfMatch.expectedVersion(ifMatch);
        if (expected != null && expected != current) {
            throw ReferenceDataProblem.stale(key, expected, current);
        }
        if (latest.isPresent() && same.test(latest.get())) {
            return latest.get();
        }
        ReferenceDataChanged next = version.apply(current + 1);
        try {
            store.append(next);
        } catch (ReferenceDataStore.VersionTaken taken) {
            throw ReferenceDataProblem.raced(taken.getMessage());
        }
        publisher.publishSoon();
        return next;
    }

    private static <T extends ReferenceDataChanged> ResponseEntity<T> answer(ReferenceDataChanged data, Class<T> type) {
        return ResponseEntity.ok().eTag("\"" + data.version() + "\"").body(type.cast(data));
    }

    private static boolean sameAmounts(Map<String, BigDecimal> stored, Map<String, BigDecimal> asked) {
        return stored.keySet().equals(asked.keySet())
                && stored.entrySet().stream().allMatch(entry -> entry.getValue().compareTo(asked.get(entry.getKey())) == 0);
    }

    private void requireACurrency(String code) {
        String field = "rates[" + code + "]";
        Currency currency;
        try {
            currency = code.length() == 3 && code.equals(code.toUpperCase(java.util.Locale.ROOT))
                    ? Currency.getInstance(code) : null;
        } catch (IllegalArgumentException unknown) {
            currency = null;
        }
        if (currency == null) {
            throw ReferenceDataProblem.invalid(field, "must be keyed by an ISO 4217 currency code, such as USD");
        }
        if (currency.equals(reportingCurrency)) {
            throw ReferenceDataProblem.invalid(field, "is the reporting currency, worth 1 by definition: leave it out");
        }
    }

    private static void requireAnActivity(String activity) {
        String field = "costPerUnit[" + activity + "]";
        if (ActivityRatesSet.DISCOUNT.equals(activity)) {
            throw ReferenceDataProblem.invalid(field, "is not on the card: a discount costs its own amount");
        }
        if (!ACTIVITY.matcher(activity).matches()) {
            throw ReferenceDataProblem.invalid(field, "must be an activity in upper case, words joined by _"
                    + " (2 to 40 characters), such as SALES_VISIT");
        }
    }

    /** The month in the path: 400 when it is not one. */
    private static YearMonth monthOf(String month) {
        return monthOf(month, () -> ReferenceDataProblem.notAMonth(month));
    }

    /** The month in a body field: 422 naming the field when it is not one. */
    private static YearMonth monthOf(String month, String field) {
        return monthOf(month, () -> ReferenceDataProblem.invalid(field, "must be a month written yyyy-MM, such as 2026-01"));
    }

    private static YearMonth monthOf(String month, java.util.function.Supplier<ReferenceDataProblem> notAMonth) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException notParsed) {
            throw notAMonth.get();
        }
    }
}
