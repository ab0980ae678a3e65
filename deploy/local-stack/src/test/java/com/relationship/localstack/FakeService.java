package com.relationship.localstack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Spring Boot service in a child JVM: prints a line, answers the readiness probe with
 * 503 until {@code readyAfterMillis}, then UP, and prints a line when SIGTERM shuts it down.
 * Args: port readyAfterMillis [exitCodeRightAway], or, started the way the launcher starts a service
 * ({@code --server.port=N ...}), ready after a second; it echoes those arguments.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].startsWith("--server.port=")) {
            System.out.println("args " + String.join(" ", args));
            main(new String[] {args[0].substring("--server.port=".length()), "1000"});
            return;
        }
        if (args.length > 2) {
            System.out.println("failing on purpose");
            System.exit(Integer.parseInt(args[2]));
        }
        int port = Integer.parseInt(args[0]);
        long readyAt = System.currentTimeMillis() + Long.parseLong(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            boolean ready = System.currentTimeMillis() >= readyAt;
            byte[] body = (ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutting down gracefully");
            server.stop(0);
        }));
        System.out.println("started on " + port);
    }
}
