package com.relationship.service.web;

/**
 * Reads {@code If-Match} as the account version a command is conditional on. Our entity tags are
 * the version number: {@code "7"}, bare {@code 7} and weak {@code W/"7"} all mean version 7 (the
 * version is exact, so a weak tag is as good as a strong one here). {@code *} means "any version".
 */
public final class IfMatch {

    /** No tag can be a version: a command conditional on it can never be applied. */
    public static final long NEVER = -1;

    private IfMatch() {
    }

    /** The expected version; null when the command is unconditional. With several tags, the first one counts. */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.split(",")[0].strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            return version >= 0 ? version : NEVER;
        } catch (NumberFormatException notAVersion) {
            return NEVER;
        }
    }
}
