package com.relationship.localstack;

/** Stands in for a service that cannot start: says why, as Spring Boot's failure report would, and exits 1. */
public final class FailingService {

    private FailingService() {
    }

    public static void main(String[] args) {
        System.out.println("APPLICATION FAILED TO START");
        System.out.println("Web server failed to start. Port was already in use.");
        System.exit(1);
    }
}
