package com.relationship.service.relay;

import com.relationship.contracts.openapi.DocumentedProblems;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A relay repair before the topic was read back is answered as the OpenAPI document's example shows. */
class TopicNotReadYetTest {

    private static final Path OPENAPI = Path.of("../api-contracts/src/main/resources/openapi/relationship-service.json");

    @Test
    void theProblemIsTheOneTheDocumentShows() {
        ProblemDetail problem = new TopicRepairs.TopicNotReadYet("relationship.account-events", Duration.ofSeconds(30),
                Instant.parse("2026-12-07T10:15:30Z")).getBody();

        DocumentedProblems.assertProblemAsDocumented(OPENAPI, problem, "/api/v1/admin/relay-repairs");
    }
}
