package com.relationship.localstack;

import java.util.List;

/**
 * {@code java -jar local-stack.jar [--infra-only]}: runs MongoDB, Kafka and both services until Ctrl-C.
 * {@code java -jar local-stack.jar token --roles ... --subject ...}: mints a token for them (see
 * {@link TokenCommand}). Settings: see {@link LocalStackConfig}.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean token = args.length > 0 && args[0].equals(TokenCommand.NAME);
        LocalStackConfig config;
        try {
            // The token command's own arguments are not launcher arguments; its settings are the launcher's.
            config = LocalStackConfig.fromEnvironment(token ? new String[0] : args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (token) {
            System.exit(TokenCommand.run(List.of(args).subList(1, args.length), config.keysDir(), System.out, System.err));
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
            // start() has already stopped whatever it had started.
            System.err.println("local-stack: could not start: " + e.getMessage());
            System.exit(1);
        }
        LocalInfrastructure infrastructure = stack.infrastructure();
        System.out.println(Banner.text(config, infrastructure.mongoUri(), infrastructure.kafkaBootstrapServers()));
        stack.awaitClosed();
    }
}
