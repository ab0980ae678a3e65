package com.relationship.projection.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kafka as a health component of its own (Boot has no Kafka health indicator): the cluster answers a
 * describe within {@code projection.health.kafka-timeout}. Not part of readiness: what this instance
 * serves comes from MongoDB, and while Kafka is down the read model only stops moving (the consumer
 * reconnects by itself); taking every instance out of the load balancer would refuse reads it can answer.
 */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final Admin admin;
    private final long timeoutMillis;

    public KafkaHealthIndicator(KafkaProperties kafka, ProjectionProperties properties) {
        super("Kafka is unreachable");
        this.timeoutMillis = properties.health().kafkaTimeout().toMillis();
        Map<String, Object> config = kafka.buildAdminProperties();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "projection-service-health");
        this.admin = Admin.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis));
        String clusterId = cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }

    @Override
    public void close() {
        admin.close();
    }
}
