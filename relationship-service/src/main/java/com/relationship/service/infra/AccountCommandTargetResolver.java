package com.relationship.service.infra;

import com.relationship.contracts.commands.AccountCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Routes every {@link AccountCommand} to the account it names. The contracts carry no Axon
 * annotation (other teams should not need an Axon jar to send us a command), so the target is
 * read from the {@code accountId()} every command has.
 */
public class AccountCommandTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof AccountCommand accountCommand && accountCommand.accountId() != null) {
            return new VersionedAggregateIdentifier(accountCommand.accountId().toString(), null);
        }
        throw new IllegalArgumentException("Not an account command, or no accountId: " + command.getPayloadType());
    }
}
