package com.relationship.projection.committee;

import com.relationship.projection.committee.CommitteeFigures.Cadence;
import com.relationship.projection.committee.CommitteeFigures.Coverage;
import com.relationship.projection.committee.CommitteeFigures.Gap;
import com.relationship.projection.committee.CommitteeFigures.SingleThreading;
import com.relationship.projection.readmodel.AccountNotFoundException;
import com.relationship.projection.readmodel.ReadModelStore;
import com.relationship.security.personaldata.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The committee read model over REST. It is the account team's view: it shows the contacts' names,
 * email and phone and the reasons given for their roles and departures (decision 0015 counts them as
 * personal data; nothing here logs them).
 */
@RestController
@RequestMapping(value = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Buying committee", description = "Who decides, buys and influences at each account, and how well the account reaches them")
public class CommitteeController {

    /** What a sealed datum altered since it was sealed reads as: it does not open, and is not shown as erased. */
    static final String ALTERED = "[altered: not as it was sealed]";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommitteeController.class);

    /** The committee is read by account id alone: the pipeline's store answers it, no query class needed. */
    private final ReadModelStore<CommitteeView> store;
    private final PersonalData personalData;

    /** @param personalData opens the contacts' sealed name, title, email and phone for the answer */
    public CommitteeController(ReadModelStore<CommitteeView> store, PersonalData personalData) {
        this.store = store;
        this.personalData = personalData;
    }

    @GetMapping("/{id}/committee")
    @Operation(summary = "The buying committee of one account",
            description = "Every contact, in the order they were added, with role, influence (1-5), status (ACTIVE, or LEFT "
                    + "with when and why), title, email, phone, preferred channel, their last two-way interaction and their "
                    + "role history. Then the figures, each with its inputs, a sentence and the ids of the events behind it: "
                    + "the contact cadence (the churn model's, per stage and KAM track), coverage (the share of active "
                    + "contacts with influence 4 or more who had a two-way interaction within the cadence), singleThreaded "
                    + "(at least two two-way interactions with a contact within the cadence, all with the same one), the "
                    + "active champions and decision makers, and gaps (a CHAMPION or DECISION_MAKER who left with nobody of "
                    + "that role active since). 404 (/problems/account-not-found) for an unknown account.")
    public CommitteeResponse committee(@PathVariable UUID id) {
        CommitteeView view = store.findVisible(id).orElseThrow(() -> new AccountNotFoundException(id));
        CommitteeFigures f = view.figures();
        List<Contact> contacts = view.contacts().stream().map(contact -> contact.opened(this::open)).toList();
        return new CommitteeResponse(view.accountId(), contacts, f.champions(), f.decisionMakers(), f.coverage(),
                f.singleThreaded(), f.gaps(), f.cadence(), f.at(), view.lastAppliedSequence());
    }

    /** The datum's plaintext, {@code "[erased]"} without its key, {@value #ALTERED} when it no longer opens. */
    private String open(String sealed) {
        try {
            return personalData.open(sealed);
        } catch (PersonalData.Tampered altered) {
            log.warn("A contact's sealed datum does not open with its key: it was altered ({})", altered.getMessage());
            return ALTERED;
        }
    }

    /**
     * @param contacts       every contact, ACTIVE or LEFT, in the order they were added
     * @param champions      the active CHAMPIONs' contact ids
     * @param decisionMakers the active DECISION_MAKERs' contact ids
     * @param gaps           a CHAMPION or DECISION_MAKER who left with nobody of that role active since; empty when none
     * @param at             the instant the figures are for: the last event's time, or the last pass over time
     */
    public record CommitteeResponse(UUID accountId, List<Contact> contacts, List<UUID> champions,
                                    List<UUID> decisionMakers, Coverage coverage, SingleThreading singleThreaded,
                                    List<Gap> gaps, Cadence cadence, Instant at, long lastAppliedSequence) {
    }
}
