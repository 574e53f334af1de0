package io.hireflow.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hands messages to whatever delivers them: an SMTP server, or the built-in mailbox. */
interface MailTransport {

    /** The name recorded on each sent message. */
    String name();

    /**
     * Sends the messages (over one connection where the transport has connections). Answers the failures by message
     * id; every message not in the answer was accepted.
     */
    Map<UUID, Failure> send(List<OutboundMessage> messages);

    /** Why one message was not accepted, and whether trying again could help. */
    record Failure(String error, boolean permanent) {
    }
}
