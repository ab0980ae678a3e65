package com.relationship.service.audit;

import com.relationship.contracts.openapi.DocumentedProblems;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A second integrity check while one runs is answered as the OpenAPI document's example shows (the race
 * of two POSTs is IntegrityCheckTest's; here the answer itself, without it).
 */
class IntegrityCheckRunningTest {

    private static final Path OPENAPI = Path.of("../api-contracts/src/main/resources/openapi/relationship-service.json");

    @Test
    void theProblemIsTheOneTheDocumentShows() {
        IntegrityCheck running = new IntegrityCheck(UUID.randomUUID(), IntegrityCheck.State.RUNNING, "ops@qa",
                Instant.parse("2026-12-07T10:00:00Z"), null, 120L, 3, 40, 3, 0, List.of(), 0, 0, null);

        DocumentedProblems.assertProblemAsDocumented(OPENAPI, new IntegrityCheckRunning(running).getBody(),
                "/api/v1/admin/integrity-checks");
    }
}
