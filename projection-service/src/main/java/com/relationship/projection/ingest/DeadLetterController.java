package com.relationship.projection.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on the dead-letter topic. Under {@code /api/v1/admin/}: not for other teams' clients;
 * a token with the {@code admin} role only (see {@link com.relationship.projection.web.EndpointRoles}).
 */
@RestController
@Tag(name = "Admin", description = "Operations for whoever runs the projection")
public class DeadLetterController {

    private final DeadLetterRedrive redrive;

    public DeadLetterController(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @PostMapping(value = "/api/v1/admin/dead-letters/redrive", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply the dead letters again, after an upgrade",
            description = "Reads every letter on the dead-letter topic and applies it as the listener would; an "
                    + "account whose letters all apply is no longer stale, and its events parked behind them follow. "
                    + "Letters that still cannot be applied stay and are listed with the reason. Safe to repeat.")
    public DeadLetterRedrive.RedriveReport redrive() {
        return redrive.redrive();
    }
}
