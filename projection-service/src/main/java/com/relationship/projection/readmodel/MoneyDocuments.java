package com.relationship.projection.readmodel;

import org.bson.types.Decimal128;

import java.math.BigDecimal;

/**
 * Money in a read model's document: a BSON {@code Decimal128}, exact and with its scale, so 96001.00 reads back
 * as 96001.00. A value written before as a number or a string still reads.
 */
public final class MoneyDocuments {

    private MoneyDocuments() {
    }

    public static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    public static BigDecimal bigDecimal(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(value.toString());
    }
}
