package io.hireflow.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Hands messages to whatever delivers them: an SMTP server, or the built-in mailbox. */
interface MailTransport {

    /** The name recorded on each sent message. */
    String name();

    /**
     * Sends the messages (over one connection where the transport has connections), telling {@code accepted} the ids
     * of those the server took as it goes, a few at a time, so that a crash mid-batch resends as few as possible.
     * Answers the failures by message id; every message not in the answer was accepted.
     */
    Map<UUID, Failure> send(List<OutboundMessage> messages, Consumer<List<UUID>> accepted);

    /** Why one message was not accepted, and whether trying again could help. */
    record Failure(String error, boolean permanent) {
    }
}
