package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;
import com.relationship.projection.readmodel.AccountNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The bonding level read model over REST. */
@RestController
@RequestMapping(value = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bonding level", description = "How strongly each account is bound: its bonds, their depth and strength")
public class BondingController {

    private final BondingStore store;

    public BondingController(BondingStore store) {
        this.store = store;
    }

    @GetMapping("/{id}/bonding")
    @Operation(summary = "The bonding level of one account",
            description = "The bonds in force by kind, the deepest kind held, a strength from 0 to 100 (deeper bonds weigh "
                    + "far more), the bonds ending within 30 days, and every change of the level with its cause (an "
                    + "event id, or a bond that ran out). 404 (/problems/account-not-found) for an unknown account.")
    public BondingResponse bonding(@PathVariable UUID id) {
        BondingView view = store.find(id).orElseThrow(() -> new AccountNotFoundException(id));
        BondingLevel level = view.level();
        return new BondingResponse(view.accountId(), level.highestLevel(), level.strength(), level.activeBonds(),
                level.expiringSoon(), level.at(), view.history(), view.lastAppliedSequence());
    }

    /**
     * @param at the instant the level is for: the last event's time, or the last pass over time
     */
    public record BondingResponse(UUID accountId, BondKind highestLevel, int strength, Map<BondKind, List<Bond>> activeBonds,
                                  List<Bond> expiringSoon, Instant at, List<BondingView.LevelChange> history,
                                  long lastAppliedSequence) {
    }
}
