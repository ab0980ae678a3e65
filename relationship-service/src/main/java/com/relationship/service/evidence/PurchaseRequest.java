package com.relationship.service.evidence;

import com.relationship.contracts.account.BuyClass;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.Iso4217;
import com.relationship.service.web.MoneyInCurrency;
import com.relationship.service.web.PlainText;
import com.relationship.service.web.PlausibleInstant;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A purchase as a request body: {@code POST /purchases}, and the purchase a win-back carries
 * ({@code POST /lifecycle/win-back}). What it earned is optional: its {@code grossMargin} or its
 * {@code costOfGoods} (one of them: each gives the other), in the purchase's currency.
 */
@MoneyInCurrency
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record PurchaseRequest(@NotNull @Positive @Digits(integer = FieldLimits.MONEY_INTEGER, fraction = FieldLimits.MONEY_FRACTION) @Schema(description = FieldLimits.AMOUNT_DOC) BigDecimal amount,
                              @NotNull @Iso4217 @Schema(pattern = FieldLimits.CURRENCY_PATTERN, example = "EUR") String currency,
                              @NotNull @PlausibleInstant @Schema(description = FieldLimits.INSTANT_DOC) Instant occurredAt,
                              @Size(max = FieldLimits.TEXT) @PlainText(multiline = true) String description,
                              @Size(min = 1, max = FieldLimits.REF) @Pattern(regexp = FieldLimits.REF_PATTERN) @PlainText @Schema(description = FieldLimits.REF_DOC) String orderRef,
                              @Digits(integer = FieldLimits.MONEY_INTEGER, fraction = FieldLimits.MONEY_FRACTION) @Schema(description = "What the purchase earned over its cost of goods, in its currency; negative for a sale below cost, at most the amount. Give it or costOfGoods, not both") BigDecimal grossMargin,
                              @PositiveOrZero @Digits(integer = FieldLimits.MONEY_INTEGER, fraction = FieldLimits.MONEY_FRACTION) @Schema(description = "What the goods sold cost, in the purchase's currency (the margin is amount - costOfGoods). Give it or grossMargin, not both") BigDecimal costOfGoods,
                              @Size(min = 1, max = FieldLimits.NAME) @PlainText @Schema(description = "The seller's product line, for cross-selling and up-selling") String productLine,
                              @Schema(description = "The buying situation: NEW_TASK, MODIFIED_REBUY, STRAIGHT_REBUY or SYSTEMS_BUYING") BuyClass buyClass)
        implements MoneyInCurrency.Amount {

    /** Without what it earned, its product line and buy class. */
    public PurchaseRequest(BigDecimal amount, String currency, Instant occurredAt, String description, String orderRef) {
        this(amount, currency, occurredAt, description, orderRef, null, null, null, null);
    }

    @Override
    public Map<String, BigDecimal> moreAmounts() {
        Map<String, BigDecimal> more = new LinkedHashMap<>();
        more.put("grossMargin", grossMargin);
        more.put("costOfGoods", costOfGoods);
        return more;
    }
}
