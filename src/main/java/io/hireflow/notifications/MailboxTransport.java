package io.hireflow.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    public Map<UUID, Failure> send(List<OutboundMessage> messages) {
        return Map.of();
    }
}
