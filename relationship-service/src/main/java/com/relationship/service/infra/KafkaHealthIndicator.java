package com.relationship.service.infra;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's health component: the cluster answers a describe within two seconds. (Boot has no Kafka
 * health indicator.) It is not part of readiness: commands are stored while Kafka is down and the
 * relay publishes them when it is back, so an instance that cannot reach Kafka still takes work.
 */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final AdminClient admin;

    public KafkaHealthIndicator(KafkaProperties properties) {
        super("Kafka is unreachable");
        Map<String, Object> config = properties.buildAdminProperties();
        config.put("request.timeout.ms", 2000);
        config.put("default.api.timeout.ms", 2000);
        this.admin = AdminClient.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
        String clusterId = cluster.clusterId().get(2, TimeUnit.SECONDS);
        int nodes = cluster.nodes().get(2, TimeUnit.SECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }

    @Override
    public void close() {
        admin.close();
    }
}
