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

/** The timeline over REST: each period's duration, the open one's up to the clock's now. */
class TimelineApiTest extends WebSliceTest {

    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final String LAPSED = "com.relationship.account.AccountLapsed.v1";

    @Test
    void everyPeriodHasItsDurationAndTheOpenOneLastsUntilNow() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T09:00:00.123456Z");
        Move registered = new Move(0, "e0", "com.relationship.account.AccountRegistered.v1", "alice", null);
        Move lapse = new Move(1, "e1", LAPSED, "dave", "switched to a rival");
        given(timelineStore.find(ACCOUNT)).willReturn(Optional.of(new TimelineView(ACCOUNT,
                List.of(new Period("PROSPECT", t0, t0.plusSeconds(36 * 3600), registered, lapse),
                        new Period("LAPSED", t0.plusSeconds(36 * 3600), null, lapse, null)),
                List.of(), List.of(new Entry(1, "e1", LAPSED, t0.plusSeconds(36 * 3600), "dave", "switched to a rival",
                "corr-1", "Lapsed")), 1, 1)));
        given(clock.instant()).willReturn(t0.plusSeconds(48 * 3600));

        MvcTestResult result = mvc.get().uri("/api/v1/accounts/" + ACCOUNT + "/timeline")
                .header("Authorization", "Bearer " + TestTokens.token("rita", Role.READER)).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].duration").isEqualTo("PT36H");
        assertThat(result).bodyJson().extractingPath("$.lifecycle[1].duration").isEqualTo("PT12H");
        assertThat(result).bodyJson().extractingPath("$.lifecycle[1].leftAt").isNull();
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].enteredAt").isEqualTo("2026-01-01T09:00:00.123456Z");
        assertThat(result).bodyJson().extractingPath("$.lifecycle[0].leftBy.reason").isEqualTo("switched to a rival");
        assertThat(result).bodyJson().extractingPath("$.entries[0].summary").isEqualTo("Lapsed");
        assertThat(result).bodyJson().extractingPath("$.droppedEntries").isEqualTo(1);
        System.out.println("timeline: " + result.getResponse().getContentAsString());
    }
}
