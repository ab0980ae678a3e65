package com.relationship.service.referencedata;

import com.relationship.contracts.openapi.DocumentedProblems;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * Two admins storing the same next version at once: the second is answered as the OpenAPI document's
 * example shows (the race itself cannot be provoked over REST on demand; ReferenceDataStore's insert
 * refuses the second by its id).
 */
class ReferenceDataProblemTest {

    private static final Path OPENAPI = Path.of("../api-contracts/src/main/resources/openapi/relationship-service.json");

    @Test
    void aLostRaceIsTheProblemTheDocumentShows() {
        DocumentedProblems.assertProblemAsDocumented(OPENAPI, ReferenceDataProblem.raced(
                new ReferenceDataStore.VersionTaken("exchange-rates:2026-01", 3).getMessage()).getBody(),
                "/api/v1/admin/exchange-rates/2026-01");
    }
}
