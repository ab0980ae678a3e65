package com.relationship.service.relay;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** One account's history on the topic, as records arrive in topic order: what is missing, and whether a hole is open. */
class TopicHistoryTest {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    private record Row(String what, List<Long> topicOrder, long position, List<Long> missing, boolean hole) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("nothing on the topic, nothing relayed", List.of(), -1, List.of(), false),
            new Row("nothing on the topic, position 2", List.of(), 2, List.of(0L, 1L, 2L), false),
            new Row("in order", List.of(0L, 1L, 2L), 2, List.of(), false),
            new Row("in order, re-sends", List.of(0L, 1L, 1L, 0L, 2L), 2, List.of(), false),
            new Row("the registration skipped", List.of(1L, 2L, 3L), 3, List.of(0L), true),
            new Row("the registration skipped, position still at 0", List.of(1L, 2L), 0, List.of(0L), true),
            new Row("the registration published last", List.of(1L, 2L, 0L), 2, List.of(), false),
            new Row("a hole in the middle", List.of(0L, 1L, 4L, 5L), 5, List.of(2L, 3L), true),
            new Row("the last acknowledged event lost", List.of(0L, 1L), 3, List.of(2L, 3L), false),
            new Row("a hole half filled", List.of(0L, 3L, 1L), 3, List.of(2L), true));

    @Test
    void missingSequencesAndOpenHolesFollowTheRecordsInTopicOrder() {
        for (Row row : ROWS) {
            TopicHistory.Published published = new TopicHistory.Published();
            boolean hole = false;
            for (long sequence : row.topicOrder()) {
                hole = published.seen(sequence, AT);
            }
            assertThat(published.missing(row.position())).as(row.what()).containsExactlyElementsOf(row.missing());
            assertThat(hole).as(row.what() + ": hole open").isEqualTo(row.hole());
            assertThat(published.holeSince().isPresent()).as(row.what() + ": hole since").isEqualTo(row.hole());
        }
    }

    @Test
    void aHoleIsDatedWhenItOpenedAndForgottenWhenItCloses() {
        TopicHistory.Published published = new TopicHistory.Published();
        published.seen(1, AT);
        published.seen(2, AT.plusSeconds(60));
        assertThat(published.holeSince()).contains(AT);
        assertThat(published.seen(0, AT.plusSeconds(120))).isFalse();
        assertThat(published.holeSince()).isEmpty();
        SortedSet<Long> none = new TreeSet<>();
        assertThat(published.missing(2)).isEqualTo(none);
    }
}
