package com.relationship.service.relay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The topic check and repair the reconciler runs every pass, on demand, for admins: after restoring
 * the topic from a backup, say, or to see for oneself that nothing is missing.
 */
@RestController
@RequestMapping(value = RelayRepairController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
class RelayRepairController {

    static final String PATH = "/api/v1/admin/relay-repairs";
    private static final int WAIT_SECONDS = 30;

    private final TopicRepairs repairs;

    RelayRepairController(TopicRepairs repairs) {
        this.repairs = repairs;
    }

    @PostMapping
    @Operation(summary = "Compare every account's stored events with the events topic and publish again, in order,"
            + " any the topic lacks",
            description = "Runs now, on this instance, and answers when done: the accounts checked, those whose"
                    + " missing events were published again (with the sequences), and those that failed. Answers 503"
                    + " when the topic cannot be read back to the present within " + WAIT_SECONDS + " s (Kafka away).")
    TopicRepair repairTopic() throws InterruptedException {
        return repairs.repair(Duration.ofSeconds(WAIT_SECONDS));
    }
}
