package com.relationship.projection.value;

/**
 * The six indices of seed 002's "Life Time Value" model (Convergys), with the seed's weights and what each
 * measures there.
 */
public enum ValueIndex {
    /** "Current spending and projected spending". */
    AVERAGE_REVENUE(20),
    /** "Year to year actual spending". */
    REVENUE_CHANGE(25),
    /** "Signed contract length; total years as client". */
    CURRENT_RELATIONSHIP(15),
    /** "System integration; reporting; tele-web; e-mail". */
    TECHNOLOGY_ENTANGLEMENT(20),
    /** "Outsource potential". */
    SHARE_OF_CLIENT(10),
    /** "Level of contact; referenceable; future value". */
    PARTNERSHIP(10);

    private final int seedWeight;

    ValueIndex(int seedWeight) {
        this.seedWeight = seedWeight;
    }

    public int seedWeight() {
        return seedWeight;
    }
}
