package io.hireflow.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.hireflow.shared.Actor;
import io.hireflow.shared.Ids;
import io.hireflow.shared.OrganizationId;

/**
 * The outbox table: messages are written here in the caller's transaction and taken out by the dispatcher. Claiming
 * uses {@code FOR UPDATE SKIP LOCKED} and a lease, so with several nodes each message is sent by one of them.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final NotificationProperties properties;

    /** Told, after the commit, how many messages a bulk write made due at once (the dispatcher starts on them). */
    private volatile IntConsumer bulkQueued = count -> {
    };

    Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate named, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.named = named;
        this.properties = properties;
    }

    /** The note of a message withheld because its stage's default is not to tell candidates. */
    static final String STAGE_DEFAULT = "STAGE_DEFAULT";

    /**
     * A message to write: to whom, about what, its rendered content and when it may go. With a {@code withheld}
     * reason it is recorded as not sent.
     */
    record Envelope(OrganizationId organization, UUID applicationId, UUID candidateId, UUID stageId,
            MessageEvent event, String language, String recipient, String recipientName,
            TemplateText.Rendered content, String idempotencyKey, Instant sendAt, Actor createdBy, String withheld,
            Attachment attachment) {

        Envelope(OrganizationId organization, UUID applicationId, UUID candidateId, UUID stageId, MessageEvent event,
                String language, String recipient, String recipientName, TemplateText.Rendered content,
                String idempotencyKey, Instant sendAt, Actor createdBy, String withheld) {
            this(organization, applicationId, candidateId, stageId, event, language, recipient, recipientName,
                    content, idempotencyKey, sendAt, createdBy, withheld, null);
        }
    }

    private static final String INSERT = """
            insert into outbound_message (id, organization_id, application_id, candidate_id, stage_id, event, language,
                recipient, recipient_name, subject, body_text, body_html, idempotency_key, message_id, status,
                send_at, next_attempt_at, created_at, created_by, created_by_name, note, attachment_name,
                attachment_type, attachment_data)
            values (:id, :org, :application, :candidate, :stage, :event, :language, :recipient, :recipientName,
                :subject, :text, :html, :key, :messageId, :status, :sendAt, :sendAt, :now, :by, :byName, :note,
                :attachmentName, :attachmentType, :attachmentData)
            on conflict (organization_id, idempotency_key) do nothing""";

    /**
     * Writes the message unless one with the same idempotency key exists; answers the message either way, so a
     * retried request gets the first one back (one statement when it is new).
     */
    OutboundMessage enqueue(Envelope envelope, Instant now) {
        return jdbc.sql(INSERT + " returning *").paramSource(params(envelope, now)).query(Outbox::row).optional()
                .orElseGet(() -> jdbc.sql(
                        "select * from outbound_message where organization_id = ? and idempotency_key = ?")
                        .params(envelope.organization().value(), envelope.idempotencyKey())
                        .query(Outbox::row).single());
    }

    /** Writes the message unless one with the same idempotency key exists (one statement, nothing read back). */
    void write(Envelope envelope, Instant now) {
        jdbc.sql(INSERT).paramSource(params(envelope, now)).update();
    }

    /** Writes each message unless one with its idempotency key exists, sent to the database together. */
    void writeEach(List<Envelope> envelopes, Instant now) {
        if (!envelopes.isEmpty()) {
            named.batchUpdate(INSERT, envelopes.stream().map(envelope -> params(envelope, now))
                    .toArray(SqlParameterSource[]::new));
        }
    }

    private MapSqlParameterSource params(Envelope envelope, Instant now) {
        UUID id = Ids.newId();
        Attachment attachment = envelope.attachment();
        return new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("org", envelope.organization() == null ? null : envelope.organization().value())
                .addValue("application", envelope.applicationId()).addValue("candidate", envelope.candidateId())
                .addValue("stage", envelope.stageId())
                .addValue("event", envelope.event().name()).addValue("language", envelope.language())
                .addValue("recipient", envelope.recipient()).addValue("recipientName", envelope.recipientName())
                .addValue("subject", envelope.content().subject()).addValue("text", envelope.content().text())
                .addValue("html", envelope.content().html()).addValue("key", envelope.idempotencyKey())
                .addValue("messageId", messageId(id))
                .addValue("sendAt", Timestamp.from(envelope.sendAt() == null ? now : envelope.sendAt()))
                .addValue("now", Timestamp.from(now))
                .addValue("by", envelope.createdBy() == null ? null : envelope.createdBy().userId())
                .addValue("byName", envelope.createdBy() == null ? null : envelope.createdBy().name())
                .addValue("status", (envelope.withheld() == null ? MessageStatus.QUEUED : MessageStatus.WITHHELD)
                        .name())
                .addValue("note", envelope.withheld())
                .addValue("attachmentName", attachment == null ? null : attachment.name())
                .addValue("attachmentType", attachment == null ? null : attachment.contentType())
                .addValue("attachmentData", attachment == null ? null : attachment.content());
    }

    /**
     * Writes many messages in one statement, each unless one with its idempotency key exists, all belonging to one
     * announcement; answers the applications of those written. The messages share their organization, send time and
     * author (those of the first).
     */
    List<UUID> writeAll(List<Envelope> envelopes, UUID announcement, Instant now) {
        if (envelopes.isEmpty()) {
            return List.of();
        }
        int n = envelopes.size();
        UUID[] ids = new UUID[n];
        UUID[] applications = new UUID[n];
        UUID[] candidates = new UUID[n];
        UUID[] stages = new UUID[n];
        String[] events = new String[n];
        String[] languages = new String[n];
        String[] recipients = new String[n];
        String[] names = new String[n];
        String[] subjects = new String[n];
        String[] texts = new String[n];
        String[] htmls = new String[n];
        String[] keys = new String[n];
        String[] messageIds = new String[n];
        for (int i = 0; i < n; i++) {
            Envelope envelope = envelopes.get(i);
            ids[i] = Ids.newId();
            applications[i] = envelope.applicationId();
            candidates[i] = envelope.candidateId();
            stages[i] = envelope.stageId();
            events[i] = envelope.event().name();
            languages[i] = envelope.language();
            recipients[i] = envelope.recipient();
            names[i] = envelope.recipientName();
            subjects[i] = envelope.content().subject();
            texts[i] = envelope.content().text();
            htmls[i] = envelope.content().html();
            keys[i] = envelope.idempotencyKey();
            messageIds[i] = messageId(ids[i]);
        }
        Envelope first = envelopes.get(0);
        Timestamp sendAt = Timestamp.from(first.sendAt() == null ? now : first.sendAt());
        if (!sendAt.toInstant().isAfter(now) && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bulkQueued.accept(n);
                }
            });
        }
        return jdbc.sql("""
                insert into outbound_message (id, organization_id, application_id, candidate_id, stage_id, event,
                    language, recipient, recipient_name, subject, body_text, body_html, idempotency_key, message_id,
                    status, send_at, next_attempt_at, created_at, created_by, created_by_name, announcement_id)
                select m.id, :org, m.application, m.candidate, m.stage, m.event, m.language, m.recipient, m.name,
                    m.subject, m.text, m.html, m.key, m.message_id, 'QUEUED', :sendAt, :sendAt, :now, :by, :byName,
                    :announcement
                from unnest(:ids, :applications, :candidates, :stages, :events, :languages, :recipients, :names,
                            :subjects, :texts, :htmls, :keys, :messageIds)
                    as m(id, application, candidate, stage, event, language, recipient, name, subject, text, html,
                         key, message_id)
                on conflict (organization_id, idempotency_key) do nothing
                returning application_id""")
                .param("org", first.organization().value()).param("sendAt", sendAt).param("now", Timestamp.from(now))
                .param("by", first.createdBy() == null ? null : first.createdBy().userId())
                .param("byName", first.createdBy() == null ? null : first.createdBy().name())
                .param("announcement", announcement).param("ids", ids).param("applications", applications)
                .param("candidates", candidates).param("stages", stages).param("events", events)
                .param("languages", languages).param("recipients", recipients).param("names", names)
                .param("subjects", subjects).param("texts", texts).param("htmls", htmls).param("keys", keys)
                .param("messageIds", messageIds)
                .query(UUID.class).list();
    }

    void onBulkQueued(IntConsumer listener) {
        this.bulkQueued = listener;
    }

    /** The Message-ID of the message with this id: unique because the id is. */
    private String messageId(UUID id) {
        return "<" + id + "@" + properties.messageIdDomain() + ">";
    }

    /**
     * Takes up to {@code limit} due messages for this node: queued or deferred ones whose time has come, and ones
     * whose sender's lease ran out (that node died mid-send). Each attempt is counted here, before sending.
     */
    List<OutboundMessage> claim(Instant now, int limit) {
        return jdbc.sql("""
                update outbound_message m set status = 'SENDING', attempts = m.attempts + 1,
                    next_attempt_at = :leaseEnd, version = m.version + 1
                from (select id from outbound_message
                      where status in ('QUEUED', 'DEFERRED', 'SENDING') and next_attempt_at <= :now
                      order by next_attempt_at limit :limit for update skip locked) due
                where m.id = due.id
                returning m.*""")
                .param("now", Timestamp.from(now)).param("leaseEnd", Timestamp.from(now.plus(properties.lease())))
                .param("limit", limit)
                .query(Outbox::row).list();
    }

    /** Marks the messages sent, in one statement. */
    void sent(List<UUID> ids, String transport, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update outbound_message set status = 'SENT', sent_at = :at, transport = :transport, last_error = null,
                    version = version + 1
                where id = any(:ids) and status = 'SENDING'""")
                .param("at", Timestamp.from(at)).param("transport", transport)
                .param("ids", ids.toArray(UUID[]::new)).update();
    }

    /** A failed attempt: retried after a growing wait, or a dead letter when it failed for good or too often. */
    void failed(OutboundMessage message, String error, boolean permanent, Instant at) {
        boolean dead = permanent || message.attempts() >= properties.maxAttempts();
        jdbc.sql("""
                update outbound_message set status = :status, next_attempt_at = :next, last_error = :error,
                    version = version + 1
                where id = :id and status = 'SENDING'""")
                .param("status", dead ? MessageStatus.DEAD.name() : MessageStatus.DEFERRED.name())
                .param("next", Timestamp.from(dead ? at : at.plus(properties.retryAfter(message.attempts()))))
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("id", message.id())
                .update();
    }

    static OutboundMessage row(ResultSet rs, int row) throws SQLException {
        return new OutboundMessage(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("candidate_id", UUID.class), MessageEvent.valueOf(rs.getString("event")),
                rs.getString("language"), rs.getString("recipient"), rs.getString("recipient_name"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getString("message_id"), MessageStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("send_at")), instant(rs.getTimestamp("next_attempt_at")),
                rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getTimestamp("sent_at")),
                rs.getString("transport"), instant(rs.getTimestamp("created_at")), rs.getString("created_by_name"),
                rs.getString("note"), rs.getLong("version"), rs.getString("attachment_name") == null ? null
                        : new Attachment(rs.getString("attachment_name"), rs.getString("attachment_type"),
                                rs.getBytes("attachment_data")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
