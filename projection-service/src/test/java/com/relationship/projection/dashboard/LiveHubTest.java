package com.relationship.projection.dashboard;

import com.relationship.projection.ingest.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The hub's promises to tabs: each change once, resume from the last id, resync when it cannot, a slow tab alone. */
class LiveHubTest {

    private static final UUID ACME = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final UUID BOREALIS = UUID.fromString("0e5d0a33-8f0e-4c59-9d57-6f1f64b3d001");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final AtomicInteger funnelsCounted = new AtomicInteger();
    private final Deque<RecordingEmitter> nextTabs = new ArrayDeque<>();
    private LiveHub hub;

    private LiveHub start(int ringSize, int tabBuffer, Duration heartbeat) {
        return start(properties(ringSize, tabBuffer, heartbeat, 100, 100, Duration.ofHours(1), 4));
    }

    private static DashboardProperties properties(int ringSize, int tabBuffer, Duration heartbeat, int streamsPerSubject,
                                                  int maxStreams, Duration streamLifetime, int writerThreads) {
        return new DashboardProperties(ringSize, tabBuffer, heartbeat, Duration.ofMillis(50),
                Duration.ofSeconds(30), Duration.ofSeconds(2), DashboardProperties.SignIn.NONE, null, "company",
                streamsPerSubject, maxStreams, streamLifetime, writerThreads,
                new DashboardProperties.TicketRate(60, Duration.ofMinutes(1), 20));
    }

    private LiveHub start(DashboardProperties properties) {
        hub = new LiveHub(properties, () -> "{\"counted\":" + funnelsCounted.incrementAndGet() + "}", clock,
                () -> nextTabs.isEmpty() ? new RecordingEmitter() : nextTabs.removeFirst());
        hub.start();
        return hub;
    }

    @AfterEach
    void stop() {
        hub.stop();
    }

    private RecordingEmitter tab(String lastEventId) {
        return tab(lastEventId, new RecordingEmitter());
    }

    private RecordingEmitter tab(String lastEventId, RecordingEmitter emitter) {
        nextTabs.add(emitter);
        return (RecordingEmitter) hub.connect("rita", lastEventId, null);
    }

    private static String status(UUID account, long sequence, String stage) {
        return "{\"accountId\":\"" + account + "\",\"lastAppliedSequence\":" + sequence + ",\"stage\":\"" + stage + "\"}";
    }

    @Test
    void everyOpenTabGetsEachStatusOnceAndARepeatOrAnOlderOneIsNotSentAgain() {
        start(100, 100, Duration.ofMinutes(1));
        RecordingEmitter first = tab(null);
        RecordingEmitter second = tab(null);

        assertThat(hub.accountStatus(ACME, 1, status(ACME, 1, "PROSPECT"))).isTrue();
        assertThat(hub.accountStatus(ACME, 1, status(ACME, 1, "PROSPECT"))).as("the same status again").isFalse();
        assertThat(hub.accountStatus(ACME, 0, status(ACME, 0, "PROSPECT"))).as("an older one").isFalse();
        assertThat(hub.accountStatus(ACME, 1, status(ACME, 1, "CUSTOMER")))
                .as("the same event, the standing moved by time").isTrue();
        assertThat(hub.accountStatus(BOREALIS, 1, status(BOREALIS, 1, "PROSPECT"))).isTrue();

        for (RecordingEmitter tab : new RecordingEmitter[]{first, second}) {
            await().atMost(WAIT).until(() -> tab.data(LiveHub.ACCOUNT_STATUS).size() == 3);
            assertThat(tab.data(LiveHub.ACCOUNT_STATUS)).containsExactly(status(ACME, 1, "PROSPECT"),
                    status(ACME, 1, "CUSTOMER"), status(BOREALIS, 1, "PROSPECT"));
        }
    }

    @Test
    void aTabThatReconnectsWithItsLastIdGetsWhatItMissedExactlyOnce() {
        start(100, 100, Duration.ofMinutes(1));
        RecordingEmitter before = tab(null);
        hub.accountStatus(ACME, 1, status(ACME, 1, "PROSPECT"));
        await().atMost(WAIT).until(() -> before.data(LiveHub.ACCOUNT_STATUS).size() == 1);
        String lastSeen = before.lastId();

        hub.accountStatus(ACME, 2, status(ACME, 2, "CUSTOMER"));  // while the tab is away
        hub.accountStatus(BOREALIS, 1, status(BOREALIS, 1, "PROSPECT"));
        RecordingEmitter after = tab(lastSeen);
        hub.accountStatus(ACME, 3, status(ACME, 3, "CLIENT"));

        await().atMost(WAIT).until(() -> after.data(LiveHub.ACCOUNT_STATUS).size() == 3);
        assertThat(after.data(LiveHub.ACCOUNT_STATUS)).containsExactly(status(ACME, 2, "CUSTOMER"),
                status(BOREALIS, 1, "PROSPECT"), status(ACME, 3, "CLIENT"));
        assertThat(after.data(LiveHub.RESYNC)).isEmpty();
    }

    @Test
    void anIdOlderThanTheRingOrFromAnotherInstanceIsAResync() {
        start(2, 100, Duration.ofMinutes(1));
        RecordingEmitter before = tab(null);
        hub.accountStatus(ACME, 1, status(ACME, 1, "PROSPECT"));
        await().atMost(WAIT).until(() -> before.lastId() != null);
        String lastSeen = before.lastId();
        for (long sequence = 2; sequence <= 4; sequence++) {
            hub.accountStatus(ACME, sequence, status(ACME, sequence, "PROSPECT")); // the ring keeps 2
        }

        RecordingEmitter tooOld = tab(lastSeen);
        RecordingEmitter elsewhere = tab("otherboot-3");

        for (RecordingEmitter tab : new RecordingEmitter[]{tooOld, elsewhere}) {
            await().atMost(WAIT).until(() -> tab.data(LiveHub.RESYNC).size() == 1);
            assertThat(tab.data(LiveHub.ACCOUNT_STATUS)).as("nothing replayed after a resync").isEmpty();
        }
    }

    @Test
    void aTabThatStopsReadingIsToldToResyncAndClosedWhileTheOthersGetEverything() throws Exception {
        start(100, 3, Duration.ofMinutes(1));
        CountDownLatch network = new CountDownLatch(1);
        RecordingEmitter stalled = tab(null, new RecordingEmitter(network));
        RecordingEmitter healthy = tab(null);

        for (long sequence = 1; sequence <= 10; sequence++) {
            hub.accountStatus(ACME, sequence, status(ACME, sequence, "PROSPECT"));
            int sent = (int) sequence;
            // The healthy tab keeps up, change by change, while the stalled one's queue fills.
            await().atMost(WAIT).until(() -> healthy.data(LiveHub.ACCOUNT_STATUS).size() == sent);
        }
        network.countDown(); // its network moves again: what it is sent now is what was queued

        await().atMost(WAIT).until(stalled::completed);
        assertThat(stalled.data(LiveHub.RESYNC)).hasSize(1);
        assertThat(stalled.data(LiveHub.ACCOUNT_STATUS).size()).isLessThan(10);
        assertThat(hub.openStreams()).isEqualTo(1);
    }

    @Test
    void theFunnelIsCountedOnlyAfterAStatusChangedAndSentAsATick() {
        start(100, 100, Duration.ofMinutes(1));
        RecordingEmitter tab = tab(null);
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> funnelsCounted.get() == 0);

        hub.accountStatus(ACME, 1, status(ACME, 1, "PROSPECT"));
        hub.accountStatus(ACME, 2, status(ACME, 2, "CUSTOMER"));

        await().atMost(WAIT).until(() -> tab.data(LiveHub.FUNNEL_TICK).size() == 1);
        assertThat(funnelsCounted.get()).as("two changes in one tick, one count").isEqualTo(1);
        RecordingEmitter later = tab(null);
        await().atMost(WAIT).until(() -> later.data(LiveHub.FUNNEL_TICK).size() == 1); // a new tab gets the latest
    }

    @Test
    void aStreamEndsWhenTheSignInBehindItRunsOut() {
        start(100, 100, Duration.ofMillis(50));
        nextTabs.add(new RecordingEmitter());
        RecordingEmitter tab = (RecordingEmitter) hub.connect("rita", null, clock.instant().plusSeconds(60));
        await().atMost(WAIT).until(() -> tab.sent().stream().anyMatch(text -> text.contains("heartbeat")));
        assertThat(tab.completed()).isFalse();

        clock.move(Duration.ofSeconds(61));

        await().atMost(WAIT).until(tab::completed);
    }

    @Test
    void aStreamEndsAtItsLifetimeThoughTheSignInBehindItLastsLonger() {
        start(properties(100, 100, Duration.ofMillis(50), 100, 100, Duration.ofMinutes(10), 4));
        nextTabs.add(new RecordingEmitter());
        RecordingEmitter tab = (RecordingEmitter) hub.connect("rita", null, null); // a sign-in without an end
        await().atMost(WAIT).until(() -> tab.sent().stream().anyMatch(text -> text.contains("heartbeat")));

        clock.move(Duration.ofMinutes(10));

        await().atMost(WAIT).until(tab::completed);
        assertThat(hub.openStreams()).isZero();
    }

    @Test
    void aSubjectHoldsItsShareOfStreamsAndTheInstanceItsMostAndAClosedTabFreesItsPlace() {
        start(properties(100, 100, Duration.ofMillis(50), 2, 3, Duration.ofHours(1), 4));
        AtomicBoolean closedTab = new AtomicBoolean();
        nextTabs.add(new RecordingEmitter() {
            @Override
            public void send(SseEventBuilder builder) {
                if (closedTab.get()) {
                    throw new IllegalStateException("the tab was closed");
                }
                super.send(builder);
            }
        });
        hub.connect("ada", null, null);
        hub.connect("ada", null, null);
        assertThatThrownBy(() -> hub.connect("ada", null, null)).isInstanceOfSatisfying(LiveHub.TooManyStreams.class,
                refused -> {
                    assertThat(refused.instanceFull()).isFalse();
                    assertThat(refused.getMessage()).contains("'ada' has 2 dashboard streams open");
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(50));
                });
        hub.connect("bob", null, null);
        assertThatThrownBy(() -> hub.connect("cyd", null, null)).isInstanceOfSatisfying(LiveHub.TooManyStreams.class,
                refused -> assertThat(refused.instanceFull()).isTrue());

        closedTab.set(true); // its next write, a heartbeat, fails: the closed tab is noticed
        await().atMost(WAIT).until(() -> hub.openStreams() == 2);
        assertThat(hub.connect("ada", null, null)).isNotNull();
    }

    @Test
    void tabsThatStallHoldNoMoreWritersThanThePoolHas() {
        start(properties(100, 100, Duration.ofMinutes(1), 100, 100, Duration.ofHours(1), 2));
        CountDownLatch network = new CountDownLatch(1);
        Set<Thread> writers = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 6; i++) {
            nextTabs.add(new RecordingEmitter(network) {
                @Override
                public void send(SseEventBuilder builder) {
                    writers.add(Thread.currentThread());
                    super.send(builder);
                }
            });
            hub.connect("rita", null, null);
        }
        hub.accountStatus(ACME, 1, status(ACME, 1, "PROSPECT"));

        await().atMost(WAIT).until(() -> writers.size() >= 2);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> writers.size() == 2);
        network.countDown();
    }
}
