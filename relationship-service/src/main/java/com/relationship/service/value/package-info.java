/**
 * The judgements behind an account's value (issue 30, seed 002 and 003): its value components, its
 * share-of-wallet estimates and the level of the relationship as the customer sees it.
 */
package com.relationship.service.value;
