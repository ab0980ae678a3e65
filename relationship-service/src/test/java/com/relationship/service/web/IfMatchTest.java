package com.relationship.service.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** If-Match as HTTP allows it, read as the account version a command is conditional on. */
class IfMatchTest {

    @Test
    void quotedBareAndWeakTagsAreTheVersion() {
        assertThat(IfMatch.expectedVersion("\"7\"")).isEqualTo(7L);
        assertThat(IfMatch.expectedVersion("7")).isEqualTo(7L);
        assertThat(IfMatch.expectedVersion("W/\"7\"")).isEqualTo(7L);
        assertThat(IfMatch.expectedVersion(" \"7\" , \"8\"")).isEqualTo(7L);
    }

    @Test
    void absentOrAnyIsUnconditional() {
        assertThat(IfMatch.expectedVersion(null)).isNull();
        assertThat(IfMatch.expectedVersion(" ")).isNull();
        assertThat(IfMatch.expectedVersion("*")).isNull();
    }

    @Test
    void aTagThatIsNoVersionNeverMatches() {
        assertThat(IfMatch.expectedVersion("\"abc\"")).isEqualTo(IfMatch.NEVER);
        assertThat(IfMatch.expectedVersion("\"-3\"")).isEqualTo(IfMatch.NEVER);
    }
}
