package com.relationship.projection.funnel;

import java.util.Map;

/**
 * How many accounts are in each lifecycle stage and each KAM stage; every stage is listed, in the
 * domain's order, with zero where there are none.
 *
 * @param lifecycleStages accounts per lifecycle stage (PROSPECT ... PARTNER, LAPSED, DISQUALIFIED)
 * @param kamStages       key accounts per KAM stage (PRE_KAM ... UNCOUPLING_KAM)
 * @param totalAccounts   all accounts with a status
 * @param keyAccounts     accounts on the KAM track
 */
public record Funnel(Map<String, Long> lifecycleStages, Map<String, Long> kamStages, long totalAccounts,
                     long keyAccounts) {
}
