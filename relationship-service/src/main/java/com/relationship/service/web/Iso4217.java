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
import java.util.Currency;
import java.util.Optional;

/**
 * An ISO 4217 currency that money is paid in: three capital letters {@link Currency#getInstance}
 * knows, with minor units (so not XAU gold, XDR or XXX "no currency", whose
 * {@link Currency#getDefaultFractionDigits()} is -1).
 */
@Documented
@Constraint(validatedBy = Iso4217.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Iso4217 {

    String message() default "must be an ISO 4217 currency code such as EUR or USD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Iso4217, String> {

        /** The currency {@code code} names, if it is one money can be counted in. */
        static Optional<Currency> currency(String code) {
            if (code == null || !code.matches("[A-Z]{3}")) {
                return Optional.empty();
            }
            try {
                Currency currency = Currency.getInstance(code);
                return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || currency(value).isPresent();
        }
    }
}
