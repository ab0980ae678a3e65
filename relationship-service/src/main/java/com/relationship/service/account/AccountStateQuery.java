package com.relationship.service.account;

import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The account's current state and version, read from the aggregate itself (loaded read-only, as
 * commands load it), so the answer can never disagree with what the next command sees.
 */
@Component
public class AccountStateQuery {

    private final Repository<Account> accounts;

    public AccountStateQuery(Repository<Account> accountRepository) {
        this.accounts = accountRepository;
    }

    public AccountSnapshot of(UUID accountId) {
        ResultMessage<AccountSnapshot> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            Aggregate<Account> account = accounts.load(accountId.toString());
            long version = account.version() == null ? 0 : account.version();
            return account.invoke(loaded -> loaded.state(version));
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
