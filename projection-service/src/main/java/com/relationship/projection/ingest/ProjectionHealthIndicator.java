package com.relationship.projection.ingest;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code projection} health component: DOWN while the store keeps refusing an account's write
 * although nobody else writes it (the account's events wait), UP otherwise; its details carry the
 * stale accounts, the inconsistencies seen and the writes repaired, for whoever is alerted by the
 * meters. Not part of readiness: the read model still serves every other account.
 */
@Component("projection")
public class ProjectionHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionAlerts alerts;
    private final ProjectionMetrics metrics;

    public ProjectionHealthIndicator(ProjectionAlerts alerts, ProjectionMetrics metrics) {
        super("Cannot report the projection's health");
        this.alerts = alerts;
        this.metrics = metrics;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var stuck = alerts.stuckWrites();
        (stuck.isEmpty() ? builder.up() : builder.down())
                .withDetail("staleAccounts", metrics.stale())
                .withDetail("inconsistencies", alerts.inconsistencies())
                .withDetail("lastInconsistencies", alerts.lastInconsistencies())
                .withDetail("repairedWrites", alerts.repairs())
                .withDetail("stuckWrites", stuck);
    }
}
