package com.relationship.projection.web;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.ContactLeft;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.committee.CommitteeReadModel;
import com.relationship.projection.committee.CommitteeView;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/** The committee over REST: the contacts as the account team sees them, each figure with its reason and events. */
class CommitteeApiTest extends WebSliceTest {

    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-0000000000a0");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-0000000000b0");
    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00.123456Z");

    @Test
    void aReaderSeesTheContactsAndTheFiguresWithTheirReasonsAndEvents() {
        given(committeeStore.findVisible(ACCOUNT)).willReturn(Optional.of(committee()));

        MvcTestResult result = committeeAs(ACCOUNT);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.contacts[0].name").isEqualTo("Ann Lee");
        assertThat(result).bodyJson().extractingPath("$.contacts[0].email").isEqualTo("ann@example.com");
        assertThat(result).bodyJson().extractingPath("$.contacts[0].status").isEqualTo("LEFT");
        assertThat(result).bodyJson().extractingPath("$.contacts[0].departure.reason").isEqualTo("Joined a rival");
        assertThat(result).bodyJson().extractingPath("$.contacts[0].roleHistory[0].role").isEqualTo("CHAMPION");
        assertThat(result).bodyJson().extractingPath("$.contacts[1].lastTwoWayInteraction.eventId").isEqualTo("e3");
        assertThat(result).bodyJson().extractingPath("$.contacts[1].preferredChannel").isEqualTo("CALL");
        assertThat(result).bodyJson().extractingPath("$.decisionMakers[0]").isEqualTo(BEN.toString());
        assertThat(result).bodyJson().extractingPath("$.champions").asArray().isEmpty();
        assertThat(result).bodyJson().extractingPath("$.coverage.share").isEqualTo(1.0);
        assertThat(result).bodyJson().extractingPath("$.coverage.eventIds[0]").isEqualTo("e3");
        assertThat(result).bodyJson().extractingPath("$.singleThreaded.value").isEqualTo(false);
        assertThat(result).bodyJson().extractingPath("$.singleThreaded.reason").asString().contains("too few");
        assertThat(result).bodyJson().extractingPath("$.gaps[0].role").isEqualTo("CHAMPION");
        assertThat(result).bodyJson().extractingPath("$.gaps[0].departedContactId").isEqualTo(ANN.toString());
        assertThat(result).bodyJson().extractingPath("$.gaps[0].eventIds[0]").isEqualTo("e4");
        assertThat(result).bodyJson().extractingPath("$.cadence.every").isEqualTo("PT336H");
        assertThat(result).bodyJson().extractingPath("$.at").isEqualTo("2026-01-05T09:00:00.123456Z");
        assertThat(result).bodyJson().extractingPath("$.lastAppliedSequence").isEqualTo(4);
    }

    /**
     * The committee keeps personal data sealed, as the events carry it, and opens it only in its answer: a
     * datum whose key is gone reads "[erased]", one altered since it was sealed does not open (this slice's
     * key store holds no key).
     */
    @Test
    void theAnswerOpensSealedPersonalDataAnErasedOneReadsErasedAnAlteredOneSaysSo() {
        List<AccountEvent> events = List.of(
                new AccountRegistered(ACCOUNT, "Acme", "Retail", 40, null, "EMEA", null),
                new ContactAdded(ACCOUNT, ANN, "pd:v1:" + ANN + ":c2VhbGVk", "pd:v1:" + ANN + ":c2VhbGVk", null, null,
                        ContactRole.CHAMPION, 5, null),
                new ContactAdded(ACCOUNT, BEN, "Ben Ode", "pd:v1:no-subject", null, null, ContactRole.DECISION_MAKER,
                        4, null));
        CommitteeReadModel model = new CommitteeReadModel(ChurnModel.defaults());
        CommitteeView view = null;
        for (int i = 0; i < events.size(); i++) {
            view = model.apply(view, new EnvelopedAccountEvent("e" + i, ACCOUNT, i, T0.plusSeconds(i * 86_400L), "alice",
                    "corr", null, events.get(i)));
        }
        assertThat(view.contacts().get(0).name()).as("kept sealed in the read model").startsWith("pd:v1:");
        given(committeeStore.findVisible(ACCOUNT)).willReturn(Optional.of(view));

        MvcTestResult answer = committeeAs(ACCOUNT);
        assertThat(answer).hasStatusOk();
        assertThat(answer).bodyJson().extractingPath("$.contacts[0].name").isEqualTo("[erased]");
        assertThat(answer).bodyJson().extractingPath("$.contacts[0].title").isEqualTo("[erased]");
        assertThat(answer).bodyJson().extractingPath("$.contacts[1].name").isEqualTo("Ben Ode");
        assertThat(answer).bodyJson().extractingPath("$.contacts[1].title").asString().startsWith("[altered");
    }

    @Test
    void anUnknownAccountIsA404ProblemAndAMalformedIdA400() {
        MvcTestResult unknown = committeeAs(UUID.randomUUID());
        assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown).bodyJson().extractingPath("$.type").isEqualTo("/problems/account-not-found");

        MvcTestResult malformed = mvc.get().uri("/api/v1/accounts/not-a-uuid/committee")
                .header("Authorization", "Bearer " + TestTokens.token("rita", Role.READER)).exchange();
        assertThat(malformed).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(malformed).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-parameter");
    }

    @Test
    void aMalformedIdAsksNoReadModel() {
        mvc.get().uri("/api/v1/accounts/1-1-1-1-1/committee")
                .header("Authorization", "Bearer " + TestTokens.token("rita", Role.READER)).exchange();
        verifyNoInteractions(committeeStore);
    }

    /** The real fold: a champion who left, a decision maker reached once on a call. */
    private static CommitteeView committee() {
        List<AccountEvent> events = List.of(
                new AccountRegistered(ACCOUNT, "Acme", "Retail", 40, null, "EMEA", null),
                new ContactAdded(ACCOUNT, ANN, "Ann Lee", "COO", "ann@example.com", null, ContactRole.CHAMPION, 5, null),
                new ContactAdded(ACCOUNT, BEN, "Ben Ode", "CFO", null, "+49 30 1", ContactRole.DECISION_MAKER, 4,
                        InteractionChannel.CALL),
                new InteractionRecorded(ACCOUNT, UUID.randomUUID(), InteractionChannel.CALL, InteractionDirection.TWO_WAY,
                        null, "budget", T0.plusSeconds(3 * 86_400), null, BEN),
                new ContactLeft(ACCOUNT, ANN, "Joined a rival"));
        CommitteeReadModel model = new CommitteeReadModel(ChurnModel.defaults());
        CommitteeView view = null;
        for (int i = 0; i < events.size(); i++) {
            view = model.apply(view, new EnvelopedAccountEvent("e" + i, ACCOUNT, i, T0.plusSeconds(i * 86_400L), "alice",
                    "corr", null, events.get(i)));
        }
        return view;
    }

    private MvcTestResult committeeAs(UUID account) {
        return mvc.get().uri("/api/v1/accounts/" + account + "/committee")
                .header("Authorization", "Bearer " + TestTokens.token("rita", Role.READER)).exchange();
    }
}
