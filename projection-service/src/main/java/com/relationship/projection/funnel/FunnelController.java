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
    @Operation(summary = "Accounts per lifecycle stage and per KAM stage, zeros included",
            description = "Counted from the account status read model: every lifecycle stage (PROSPECT ... PARTNER,"
                    + " LAPSED, DISQUALIFIED) and every KAM stage (PRE_KAM ... UNCOUPLING_KAM) in the domain's order,"
                    + " with zero where there are none, the accounts with a status and the key accounts. Eventually"
                    + " consistent with relationship-service, as every read model. Role reader; the dashboard's funnel"
                    + " (GET /api/v1/dashboard/funnel) adds conversions and time in stage.")
    public Funnel funnel() {
        return query.funnel();
    }
}
