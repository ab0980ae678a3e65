package com.relationship.projection.funnel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Funnel", description = "How many accounts stand at each stage")
public class FunnelController {

    private final FunnelQuery query;

    public FunnelController(FunnelQuery query) {
        this.query = query;
    }

    @GetMapping(value = "/api/v1/funnel", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accounts per lifecycle stage and per KAM stage, zeros included")
    public Funnel funnel() {
        return query.funnel();
    }
}
