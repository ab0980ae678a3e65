/**
 * Personal data that can be erased by destroying a key (crypto-shredding, decision 0015,
 * docs/personal-data.md): a data key per data subject (a contact) behind {@link
 * com.relationship.security.personaldata.KeyStore}, and {@link
 * com.relationship.security.personaldata.PersonalData}, which seals a field with it (AES-256-GCM) and
 * opens it again, or answers {@code "[erased]"} once the key is gone.
 *
 * <p>It lives in the security module because both services need it (relationship-service seals at its
 * web edge, projection-service opens in its read models) and neither may depend on the other; not in
 * api-contracts, which is the public contract of the events and depends on no driver: a consumer of the
 * topic reads the sealed form as an opaque string and cannot open it without access to the key store,
 * which is the point.
 */
package com.relationship.security.personaldata;
