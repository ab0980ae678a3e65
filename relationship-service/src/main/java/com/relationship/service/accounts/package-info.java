/**
 * The accounts resource on the web: register and classify an account, read its current snapshot and
 * its stored events. The aggregate and its rules are in {@link com.relationship.service.account}; each
 * other feature (lifecycle, kam, evidence, bonding, interaction) has its own REST edge beside it.
 */
package com.relationship.service.accounts;
