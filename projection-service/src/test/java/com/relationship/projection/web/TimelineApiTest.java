package com.relationship.projection.web;

import com.relationship.projection.timeline.TimelineView;
import com.relationship.projection.timeline.TimelineView.Entry;
import com.relationship.projection.timeline.TimelineView.Move;
import com.relationship.projection.timeline.TimelineView.Period;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The timeline over REST: each period's duration, the open one's up to the clock's now; who and why
 * (actor, reason, correlation id, full summaries) for a token with auditor only.
 */
class TimelineApiTest extends WebSliceTest {

    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final String LAPSED = "com.relationship.account.AccountLapsed.v1";

    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00.123456Z");

    @Test
    void everyPeriodHasItsDurationAndTheOpenOneLastsUntilNow() throws Exception {
        givenALapsedAccount();

        MvcTestResult result = timelineAs(Role.READER);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].duration").isEqualTo("PT36H");
        assertThat(result).bodyJson().extractingPath("$.lifecycle[1].duration").isEqualTo("PT12H");
        assertThat(result).bodyJson().extractingPath("$.lifecycle[1].leftAt").isNull();
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].enteredAt").isEqualTo("2026-01-01T09:00:00.123456Z");
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].leftBy.type").isEqualTo(LAPSED);
        assertThat(result).bodyJson().extractingPath("$.droppedEntries").isEqualTo(1);
    }

    @Test
    void aReaderSeesWhatHappenedButNotWhoWhyOrTheNamesInIt() throws Exception {
        givenALapsedAccount();

        MvcTestResult result = timelineAs(Role.READER);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.auditDetails").isEqualTo(false);
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].leftBy.actor").isNull();
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].leftBy.reason").isNull();
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].enteredBy.actor").isNull();
        assertThat(result).bodyJson().extractingPath("$.entries[0].actor").isNull();
        assertThat(result).bodyJson().extractingPath("$.entries[0].reason").isNull();
        assertThat(result).bodyJson().extractingPath("$.entries[0].correlationId").isNull();
        assertThat(result).bodyJson().extractingPath("$.entries[0].summary").isEqualTo("MEETING (INBOUND)");
        // An entry folded before plain summaries were kept reads its type in words.
        assertThat(result).bodyJson().extractingPath("$.entries[1].summary").isEqualTo("Account lapsed");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("dave", "rival", "Jane", "corr-");
    }

    @Test
    void anAuditorSeesWhoAskedForEachMoveWhyAndTheFullSummaries() throws Exception {
        givenALapsedAccount();

        MvcTestResult result = timelineAs(Role.READER, Role.AUDITOR);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.auditDetails").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].leftBy.actor").isEqualTo("dave");
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].leftBy.reason").isEqualTo("switched to a rival");
        assertThat(result).bodyJson().extractingPath("$.entries[0].correlationId").isEqualTo("corr-0");
        assertThat(result).bodyJson().extractingPath("$.entries[0].summary")
                .isEqualTo("MEETING (INBOUND) with Jane Roe: renewal talk");
        assertThat(result).bodyJson().extractingPath("$.entries[1].reason").isEqualTo("switched to a rival");
    }

    private void givenALapsedAccount() {
        Move registered = new Move(0, "e0", "com.relationship.account.AccountRegistered.v1", "alice", null);
        Move lapse = new Move(1, "e1", LAPSED, "dave", "switched to a rival");
        given(timelineStore.find(ACCOUNT)).willReturn(Optional.of(new TimelineView(ACCOUNT,
                List.of(new Period("PROSPECT", T0, T0.plusSeconds(36 * 3600), registered, lapse),
                        new Period("LAPSED", T0.plusSeconds(36 * 3600), null, lapse, null)),
                List.of(),
                List.of(new Entry(0, "e0", "com.relationship.account.InteractionRecorded.v1", T0, "alice", null, "corr-0",
                                "MEETING (INBOUND) with Jane Roe: renewal talk", "MEETING (INBOUND)"),
                        new Entry(1, "e1", LAPSED, T0.plusSeconds(36 * 3600), "dave", "switched to a rival", "corr-1",
                                "Lapsed", null)),
                1, 1)));
        given(clock.instant()).willReturn(T0.plusSeconds(48 * 3600));
    }

    private MvcTestResult timelineAs(Role... roles) {
        return mvc.get().uri("/api/v1/accounts/" + ACCOUNT + "/timeline")
                .header("Authorization", "Bearer " + TestTokens.token("rita", roles)).exchange();
    }
}
