package com.relationship.service.lifecycle;

import com.relationship.service.account.Eligibility;
import com.relationship.service.account.LifecyclePolicy;
import com.relationship.service.audit.AccountReplay;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Answers "may this account move up now?" from the account's history, read from its first event and
 * folded by the one fold ({@code AccountState#evolve}), with the rule the aggregate applies before an
 * advance ({@link Eligibility#of}): the answer can never disagree with what an advance would do.
 * Reads only; no unit of work, no aggregate load.
 */
@Component
class EligibilityQuery {

    private final AccountReplay replay;
    private final LifecyclePolicy policy;

    EligibilityQuery(AccountReplay replay, LifecyclePolicy policy) {
        this.replay = replay;
        this.policy = policy;
    }

    /** @throws com.relationship.service.account.UnknownAccountException when no such account is registered */
    Eligibility of(UUID accountId) {
        return Eligibility.of(replay.now(accountId), policy, Instant.now());
    }
}
