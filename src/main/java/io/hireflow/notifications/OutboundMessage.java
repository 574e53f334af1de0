package io.hireflow.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to a candidate with its delivery state: exactly what the candidate gets, and what happened to it.
 * {@code note} says why a withheld message was not sent ({@link Outbox#STAGE_DEFAULT} when the stage's default said so);
 * {@code attachment} is the file it carries (an interview's invite), or null.
 */
public record OutboundMessage(UUID id, UUID applicationId, UUID candidateId, MessageEvent event, String language,
        String recipient, String recipientName, String subject, String bodyText, String bodyHtml, String messageId,
        MessageStatus status, Instant sendAt, Instant nextAttemptAt, int attempts, String lastError, Instant sentAt,
        String transport, Instant createdAt, String createdByName, String note, long version,
        Attachment attachment) {
}
