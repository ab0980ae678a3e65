package com.relationship.localstack;

/** What a developer needs to know once everything is up: where to point a browser, a client, an IDE. */
final class Banner {

    private Banner() {
    }

    static String text(LocalStackConfig config, String mongoUri, String kafkaBootstrapServers) {
        StringBuilder text = new StringBuilder();
        String rule = "=".repeat(72);
        text.append('\n').append(rule).append('\n');
        if (config.infraOnly()) {
            text.append(" Local infrastructure is up (--infra-only): start the services from your IDE.\n");
        } else {
            text.append(" Local stack is up.\n");
            service(text, "relationship-service", config.browserHost(), config.relationshipPort());
            service(text, "projection-service", config.browserHost(), config.projectionPort());
            text.append(String.format(" %-22s %s%n", "Dashboard (browser)", "http://" + config.browserHost() + ":"
                    + config.projectionPort() + "/dashboard"));
        }
        text.append(String.format(" %-22s %s%n", "Kafka bootstrap", kafkaBootstrapServers));
        text.append(String.format(" %-22s %s  (databases: relationship, projection)%n", "MongoDB", mongoUri));
        text.append(String.format(" %-22s %s%n", "Data", config.dataDir()));
        if (config.infraOnly()) {
            text.append(String.format(" %-22s --spring.mongodb.uri=%s/relationship (or /projection)%n", "Service arguments", mongoUri));
            text.append(String.format(" %-22s --spring.kafka.bootstrap-servers=%s%n", "", kafkaBootstrapServers));
            for (String argument : LocalTokens.serviceArguments(config.keysDir())) {
                text.append(String.format(" %-22s %s%n", "", argument));
            }
        }
        text.append(String.format(" %-22s %s%n", "A token", TokenCommand.example()));
        text.append(String.format(" %-22s (with the launcher's data directory setting, if you changed it)%n", ""));
        text.append(" Ctrl-C stops everything; the data is kept for the next run.\n");
        text.append(rule).append('\n');
        return text.toString();
    }

    private static void service(StringBuilder text, String name, String host, int port) {
        String base = "http://" + host + ":" + port;
        text.append(String.format(" %-22s REST        %s%n", name, base));
        text.append(String.format(" %-22s Swagger UI  %s/swagger-ui.html%n", "", base));
        text.append(String.format(" %-22s Health      %s/actuator/health%n", "", base));
    }
}
