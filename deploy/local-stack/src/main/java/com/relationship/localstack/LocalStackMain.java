package com.relationship.localstack;

/**
 * {@code java -jar local-stack.jar [--infra-only]}: runs MongoDB, Kafka and both services until Ctrl-C.
 * Settings: see {@link LocalStackConfig}.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStackConfig config;
        try {
            config = LocalStackConfig.fromEnvironment(args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }

        LocalStack stack = new LocalStack(config, System.out);
        // Registered before anything starts, so Ctrl-C during start-up also stops what is already running.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (stack.isClosing()) {
                return; // Ctrl-C during start-up: the shutdown hook is stopping everything.
            }
            System.err.println("local-stack: could not start: " + e.getMessage());
            stack.close();
            System.exit(1);
        }
        LocalInfrastructure infrastructure = stack.infrastructure();
        System.out.println(Banner.text(config, infrastructure.mongoUri(), infrastructure.kafkaBootstrapServers()));
        stack.awaitClosed();
    }
}
