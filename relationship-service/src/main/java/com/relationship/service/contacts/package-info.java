/**
 * The account's buying committee and its owner at the REST edge: adding contacts, assessing their role,
 * recording that they left, and naming the seller's person who owns the account (docs/domain.md, "The
 * buying committee and the owner"). The rules are the aggregate's ({@code Account}); this package only
 * turns requests into commands.
 */
package com.relationship.service.contacts;
