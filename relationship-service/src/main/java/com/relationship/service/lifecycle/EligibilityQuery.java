package com.relationship.service.lifecycle;

import com.relationship.service.account.Account;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Answers "may this account move up now?" with the aggregate's own rules, so the answer can never
 * disagree with what an advance command would do. Loads the account read-only; writes nothing.
 */
@Component
public class EligibilityQuery {

    private final Repository<Account> accounts;
    private final LifecyclePolicy policy;

    public EligibilityQuery(Repository<Account> accountRepository, LifecyclePolicy policy) {
        this.accounts = accountRepository;
        this.policy = policy;
    }

    public Eligibility of(UUID accountId) {
        ResultMessage<Eligibility> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() ->
                accounts.load(accountId.toString()).invoke(account -> account.eligibility(policy)));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
