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

/**
 * Text a person wrote, free of what no person types: control characters (U+0000-U+001F, U+007F-U+009F),
 * unpaired UTF-16 surrogates (they cannot be stored as UTF-8), and in a name also the line and
 * paragraph separators. Free text ({@code multiline = true}) keeps line feeds, carriage returns and
 * tabs. Such characters end up in logs, CSV exports and dashboards, where they break lines or hide text.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    /** True for free text (line breaks and tabs allowed), false for names (one line). */
    boolean multiline() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                String problem = problem(value, i, c);
                if (problem != null) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(problem + " at position " + i
                            + (multiline ? " (only line breaks and tabs are allowed)" : " (a name is one line of text)"))
                            .addConstraintViolation();
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    i++; // the pair was checked whole
                }
            }
            return true;
        }

        private String problem(String value, int i, char c) {
            if (Character.isHighSurrogate(c)) {
                return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                        ? null : "must not contain an unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate";
            }
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                return null;
            }
            if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
                return String.format("must not contain the control character U+%04X", (int) c);
            }
            return null;
        }
    }
}
