package com.relationship.service.evidence;

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
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A purchase as a request body: {@code POST /purchases}, and the purchase a win-back carries
 * ({@code POST /lifecycle/win-back}).
 */
@MoneyInCurrency
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record PurchaseRequest(@NotNull @Positive @Digits(integer = FieldLimits.MONEY_INTEGER, fraction = FieldLimits.MONEY_FRACTION) @Schema(description = FieldLimits.AMOUNT_DOC) BigDecimal amount,
                              @NotNull @Iso4217 @Schema(pattern = FieldLimits.CURRENCY_PATTERN, example = "EUR") String currency,
                              @NotNull @PlausibleInstant @Schema(description = FieldLimits.INSTANT_DOC) Instant occurredAt,
                              @Size(max = FieldLimits.TEXT) @PlainText(multiline = true) String description,
                              @Size(min = 1, max = FieldLimits.REF) @Pattern(regexp = FieldLimits.REF_PATTERN) @PlainText @Schema(description = FieldLimits.REF_DOC) String orderRef)
        implements MoneyInCurrency.Amount {
}
