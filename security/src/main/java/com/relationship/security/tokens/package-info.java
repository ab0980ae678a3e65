/**
 * Signing keys and token minting for a stack without an identity provider (the local stack and
 * the tests). Needs only nimbus-jose-jwt and the JDK, no Spring: the launcher's {@code token}
 * command uses it without starting a context. In production an identity provider mints the
 * tokens and none of this runs.
 */
package com.relationship.security.tokens;
