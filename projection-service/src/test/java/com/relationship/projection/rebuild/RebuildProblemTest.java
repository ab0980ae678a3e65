package com.relationship.projection.rebuild;

import com.relationship.contracts.openapi.DocumentedProblems;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * A rebuild's refusals are answered as the OpenAPI document's examples show (RebuildSwapTest provokes
 * them; here the answers themselves).
 */
class RebuildProblemTest {

    private static final Path OPENAPI = Path.of("../api-contracts/src/main/resources/openapi/projection-service.json");

    @Test
    void aConflictAndAFailedSwapAreTheProblemsTheDocumentShows() {
        DocumentedProblems.assertProblemAsDocumented(OPENAPI, RebuildProblem.conflict("Rebuild r1 is still running:"
                + " swap it once it has completed.").getBody(), "/api/v1/admin/rebuilds");
        DocumentedProblems.assertProblemAsDocumented(OPENAPI, RebuildProblem.swapFailed("account-status",
                "Kafka did not take the offsets").getBody(), "/api/v1/admin/rebuilds/r1/swap");
    }
}
