package com.relationship.service.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * On a request with an amount in a currency: the amount has at most the currency's minor digits
 * (2 for EUR, 0 for JPY, 3 for BHD). Trailing zeros do not count (10.50 and 10.5 are the same amount).
 * Reported on the {@code amount} field (and on each of {@link Amount#moreAmounts()}); an unknown currency is
 * {@link Iso4217}'s to report.
 */
@Documented
@Constraint(validatedBy = MoneyInCurrency.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface MoneyInCurrency {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request that carries an amount and its currency. */
    interface Amount {
        BigDecimal amount();

        String currency();

        /** Other amounts in the same currency, by field name; a null one is not checked. */
        default java.util.Map<String, BigDecimal> moreAmounts() {
            return java.util.Map.of();
        }
    }

    class Validator implements ConstraintValidator<MoneyInCurrency, Amount> {
        @Override
        public boolean isValid(Amount value, ConstraintValidatorContext context) {
            if (value == null || value.amount() == null) {
                return true;
            }
            return Iso4217.Validator.currency(value.currency()).map(currency -> {
                int digits = currency.getDefaultFractionDigits();
                java.util.Map<String, BigDecimal> amounts = new java.util.LinkedHashMap<>();
                amounts.put("amount", value.amount());
                amounts.putAll(value.moreAmounts());
                boolean valid = true;
                for (java.util.Map.Entry<String, BigDecimal> each : amounts.entrySet()) {
                    if (each.getValue() == null || Math.max(0, each.getValue().stripTrailingZeros().scale()) <= digits) {
                        continue;
                    }
                    if (valid) {
                        context.disableDefaultConstraintViolation();
                    }
                    context.buildConstraintViolationWithTemplate("must have at most " + digits + " digits after the"
                            + " point in " + currency.getCurrencyCode()).addPropertyNode(each.getKey()).addConstraintViolation();
                    valid = false;
                }
                return valid;
            }).orElse(true);
        }
    }
}
