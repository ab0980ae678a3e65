package com.relationship.projection.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Rebuilds of the read models from the full history, compared with the live ones, swapped in on
 * request. Under {@code /api/v1/admin/}: a token with the {@code admin} role only.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin", description = "Operations for whoever runs the projection")
public class RebuildController {

    private static final String PATH = "/api/v1/admin/rebuilds";
    private final Rebuilds rebuilds;

    public RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** @param readModels which read models to rebuild; every one when omitted or empty */
    public record RebuildRequest(List<String> readModels) {
    }

    @PostMapping(PATH)
    @Operation(summary = "Rebuild read models from the full history into shadow collections and compare them with the live ones",
            description = "Reads the events topic from its first offset up to its end now, folds each read model as "
                    + "its listener does into `<collection>_rebuild_<id>` without publishing anything, and compares every "
                    + "account's view with the live one at equal applied sequence (digests of canonical JSON, both "
                    + "moved by time to the same instant). Answers 202 with the rebuild; follow it at its Location. "
                    + "One rebuild at a time (409 while one runs).")
    public ResponseEntity<RebuildReport> start(@RequestBody(required = false) RebuildRequest request) {
        RebuildReport started = rebuilds.start(request == null ? List.of() : request.readModels());
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + started.id())).body(started);
    }

    @GetMapping(PATH)
    @Operation(summary = "The rebuilds this instance ran, newest first",
            description = "Each rebuild as GET .../rebuilds/{rebuildId} answers it, newest first. Rebuilds are kept in"
                    + " the memory of the instance that ran them: empty on another instance or after a restart. Role"
                    + " admin.")
    public List<RebuildReport> list() {
        return rebuilds.list();
    }

    @GetMapping(PATH + "/{rebuildId}")
    @Operation(summary = "A rebuild: its progress, and per read model the accounts that differ",
            description = "Poll it after POST .../rebuilds: state RUNNING, COMPLETED or FAILED, recordsRead of"
                    + " recordsToRead and eventsPerSecond, and per read model the accounts compared, equal and differing"
                    + " (the first differences with both digests), those the live view moved on from (atOtherSequence),"
                    + " onlyLive, onlyShadow and the events the fold refused; after a swap, what was swapped. 404"
                    + " /problems/rebuild-not-found on an instance that did not run it. Role admin.")
    public RebuildReport get(@PathVariable String rebuildId) {
        return rebuilds.find(rebuildId).orElseThrow(() -> RebuildProblem.notFound(rebuildId));
    }

    @PostMapping(PATH + "/{rebuildId}/swap")
    @Operation(summary = "Swap a completed rebuild's shadows in as the live read models",
            description = "Per read model, as one step that is undone if any part fails: stops its listener and pauses"
                    + " its other writers, lifts the shadow's versions above the live ones, sets the consumer group to the"
                    + " offsets the rebuild read up to (so what arrived since is folded on top), keeps the live"
                    + " collection as `<collection>_replaced_<time>`, renames the shadow to the live name, and starts"
                    + " the listener again. 409 when the group has members on other instances, or for any rebuild but"
                    + " the latest, or while it runs; 503 when a step failed and was undone (ask again: it goes on with"
                    + " the read models not swapped yet).")
    public RebuildReport swap(@PathVariable String rebuildId) {
        return rebuilds.swap(rebuildId);
    }
}
