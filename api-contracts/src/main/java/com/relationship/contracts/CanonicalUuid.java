package com.relationship.contracts;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids on the wire are UUIDs in their canonical 8-4-4-4-12 hexadecimal form. {@link UUID#fromString}
 * alone is lenient ("1-1-1-1-1" is read as 00000001-0001-0001-0001-000000000001), so a mistyped id
 * would name some other account instead of being refused; both services parse ids with this.
 */
public final class CanonicalUuid {

    /** The canonical form, either case. */
    public static final String PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private static final Pattern CANONICAL = Pattern.compile(PATTERN);

    private CanonicalUuid() {
    }

    /** The UUID {@code text} names; {@link IllegalArgumentException} unless it is in the canonical form. */
    public static UUID parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a UUID in the form 5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
        }
        return UUID.fromString(text);
    }
}
