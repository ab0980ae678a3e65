package com.relationship.security;


/**
 * The lists' {@code owner} filter (issue 28): {@code me} is the caller, by their token's subject, so an
 * account manager sees the accounts they own without knowing how their subject is spelled; any other
 * value is a subject as it is (a team lead looking at someone's accounts).
 */
public final class OwnerFilter {

    /** What the OpenAPI document says of the parameter (annotation values must be constants). */
    public static final String DOC = "Only the accounts this person owns: me (the caller, by their token's subject)"
            + " or a subject as the tokens carry it";
    /** A subject as the tokens carry it: no spaces, at most 200 characters. */
    public static final String PATTERN = "^\\S{1,200}$";

    private OwnerFilter() {
    }

    /** The subject {@code owner} names; null (no filter) when it is null. */
    public static String subjectOf(String owner) {
        if (!"me".equals(owner)) {
            return owner;
        }
        // Every /api endpoint is behind the token check, so the caller has a subject.
        return Actor.required().subject();
    }
}
