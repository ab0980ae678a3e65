package com.relationship.projection.value;

import java.time.Duration;

/**
 * Seed 002's value tiers (Convergys), each with its treatment as the seed's table gives it: who serves the
 * account, how the effort splits between retaining and growing it, how many such accounts one salesperson
 * manages, and how often it is to hear from us. The contact cadence is what the churn model's indifference
 * expects of a tier that names one; MIGRATORs and BZs are contacted "as needed": their stage's cadence.
 */
public enum ValueTier {
    MVC("Most Valuable Customer: the core of the current business; the concern is retention",
            "the direct sales force", 80, 20, 1, 1, "every day or more", Duration.ofDays(1)),
    MGC("Most Growable Customer: significantly more valuable with proactive strategies to grow the business done",
            "the direct sales force", 20, 80, 2, 6, "every day to a couple of times weekly", Duration.ofDays(3)),
    MIGRATOR("Migrator: handled as its needs are identified", "the SMAC team, reacting to needs as they are identified",
            null, null, 25, 25, "as needed", null),
    BZ("Below Zero: in all likelihood never profitable enough to justify the cost of serving it; make it more"
            + " profitable", "the operations group (the SMAC team when operations cannot meet its needs)", null, null,
            null, null, "as needed", null);

    private final String meaning;
    private final String servedBy;
    private final Integer retainPercent;
    private final Integer growPercent;
    private final Integer fewestPerSalesperson;
    private final Integer mostPerSalesperson;
    private final String contactFrequency;
    private final Duration cadence;

    ValueTier(String meaning, String servedBy, Integer retainPercent, Integer growPercent, Integer fewestPerSalesperson,
              Integer mostPerSalesperson, String contactFrequency, Duration cadence) {
        this.meaning = meaning;
        this.servedBy = servedBy;
        this.retainPercent = retainPercent;
        this.growPercent = growPercent;
        this.fewestPerSalesperson = fewestPerSalesperson;
        this.mostPerSalesperson = mostPerSalesperson;
        this.contactFrequency = contactFrequency;
        this.cadence = cadence;
    }

    /** The tier's treatment, as the seed gives it. */
    public Treatment treatment() {
        return new Treatment(meaning, servedBy, retainPercent, growPercent, fewestPerSalesperson, mostPerSalesperson,
                contactFrequency, cadence == null ? null : cadence.toString());
    }

    /** How often the tier calls for a two-way interaction; null: "as needed", its stage's cadence. */
    Duration cadence() {
        return cadence;
    }

    /** The most accounts of this tier one salesperson can manage; null when the seed sets none. */
    Integer mostPerSalesperson() {
        return mostPerSalesperson;
    }

    /**
     * @param retainPercent        share of the effort spent retaining the business; null where the seed gives no split
     * @param growPercent          share spent growing it
     * @param fewestPerSalesperson with mostPerSalesperson, how many such accounts one salesperson manages (MVC: at
     *                             most one, MGC: two to six, MIGRATOR: 25); null where the seed says NA
     * @param cadence              how often it is to hear from us (ISO-8601); null: "as needed", its stage's cadence
     */
    public record Treatment(String meaning, String servedBy, Integer retainPercent, Integer growPercent,
                            Integer fewestPerSalesperson, Integer mostPerSalesperson, String contactFrequency,
                            String cadence) {
    }
}
