package io.hireflow.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The built-in mailbox, used when no SMTP host is configured: a message is "delivered" by staying in the outbox as
 * sent, where staff read it in the mailbox page exactly as the candidate would have.
 */
class MailboxTransport implements MailTransport {

    @Override
    public String name() {
        return "MAILBOX";
    }

    @Override
    public Map<UUID, Failure> send(List<OutboundMessage> messages, Consumer<List<UUID>> accepted) {
        accepted.accept(messages.stream().map(OutboundMessage::id).toList());
        return Map.of();
    }
}
