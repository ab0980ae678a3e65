/**
 * What serving an account costs, beyond what other events already say (issue 29, activity-based costing,
 * seed 000): the service activities the profitability read model prices with the activity rate card.
 */
package com.relationship.service.profitability;
