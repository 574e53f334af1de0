package io.hireflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.StaffUserView;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.Languages;
import io.hireflow.shared.Minutes;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;
import io.hireflow.shared.TransactionMemo;

/**
 * Messages to candidates as staff see them: the mailbox (every message, searchable by recipient), an application's
 * delivery log, messages sent by hand now or at a chosen minute, cancelling and rescheduling before they go, and
 * retrying dead letters.
 */
@Service
public class NotificationManagement {

    public static final int PAGE_LIMIT = 100;

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MessageTemplates templates;
    private final MessageContext context;
    private final PipelineManagement pipeline;
    private final IdentityManagement identity;
    private final AccessLog accessLog;
    private final Clock clock;

    NotificationManagement(JdbcClient jdbc, Outbox outbox, MessageTemplates templates, MessageContext context,
            PipelineManagement pipeline, IdentityManagement identity, AccessLog accessLog, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.templates = templates;
        this.context = context;
        this.pipeline = pipeline;
        this.identity = identity;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Which messages to list; every part is optional. {@code recipient} matches any part of the address. */
    public record MessageFilter(UUID applicationId, String recipient, MessageStatus status) {
    }

    /** A page of messages, newest first, and the cursor of the next page (null on the last). */
    public record MessagePage(List<OutboundMessage> items, String nextCursor) {
    }

    @Transactional
    public MessagePage messages(Actor actor, MessageFilter filter, String cursor, int limit) {
        UUID after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = UUID.fromString(cursor);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "validation.cursor");
            }
        }
        String recipient = filter.recipient() == null || filter.recipient().isBlank() ? null
                : "%" + filter.recipient().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        int size = Math.max(1, Math.min(limit, PAGE_LIMIT));
        List<OutboundMessage> rows = jdbc.sql("""
                select * from outbound_message
                where (organization_id = :org or (:operator and organization_id is null))
                  and (cast(:application as uuid) is null or application_id = :application)
                  and (cast(:recipient as text) is null or lower(recipient) like :recipient)
                  and (cast(:status as text) is null or status = :status)
                  and (cast(:after as uuid) is null or id < :after)
                order by id desc limit :limit""")
                .param("org", actor.organizationId().value()).param("application", filter.applicationId())
                .param("operator", actor.has(Role.OPERATOR)).param("recipient", recipient)
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("after", after).param("limit", size + 1)
                .query(Outbox::row).list();
        boolean more = rows.size() > size;
        List<OutboundMessage> page = more ? rows.subList(0, size) : rows;
        logView(actor, page, "messages");
        return new MessagePage(List.copyOf(page), more ? page.get(size - 1).id().toString() : null);
    }

    @Transactional
    public OutboundMessage message(Actor actor, UUID id) {
        // the operator also reads the platform's own messages (portal sign-in links), which belong to no organization
        OutboundMessage message = actor.has(Role.OPERATOR) ? jdbc.sql("""
                select * from outbound_message where id = ? and (organization_id = ? or organization_id is null)""")
                .params(id, actor.organizationId().value()).query(Outbox::row).optional()
                .orElseThrow(() -> new NotFoundException("message")) : find(actor.organizationId(), id);
        logView(actor, List.of(message), "message " + id);
        return message;
    }

    /** What staff send by hand: a template of an event they may send, or their own subject and body. */
    public record SendMessage(UUID applicationId, MessageEvent event, String subject, String body,
            Instant newExpectedDate, Instant sendAt, String idempotencyKey) {
    }

    /**
     * Writes a message to an application's candidate, to go now or at the given minute (seconds are dropped). With
     * {@code subject} and {@code body} the text is the sender's own (it may use the free-form variables); else the
     * organization's template of {@code event}. The same {@code idempotencyKey} answers the first message again.
     */
    @Transactional
    public OutboundMessage send(Actor actor, SendMessage command) {
        if (command.applicationId() == null) {
            throw new InvalidInputException("applicationId", "validation.required");
        }
        ApplicationView application = pipeline.application(actor.organizationId(),
                new JobApplicationId(command.applicationId()));
        boolean ownText = command.subject() != null || command.body() != null;
        MessageEvent event = command.event() == null ? MessageEvent.FREE_FORM : command.event();
        if (!event.sendableByHand()) {
            throw new InvalidInputException("event", "validation.message.notByHand", event);
        }
        if (event == MessageEvent.DELAY_NOTICE && command.newExpectedDate() == null) {
            throw new InvalidInputException("newExpectedDate", "validation.required");
        }
        Instant now = clock.instant();
        Instant sendAt = sendAt(command.sendAt(), now);
        var values = context.forApplication(actor.organizationId(), application.jobId(), application.candidateId(),
                application.stageId(), null, application.stageId(), application.stageEnteredAt());
        Map<String, String> filled = new HashMap<>(values.values());
        if (command.newExpectedDate() != null) {
            filled.put("newExpectedDate", MessageContext.date(command.newExpectedDate(), values.zone(),
                    values.language()));
        }
        TemplateText text = ownText ? new TemplateText(command.subject() == null ? null : command.subject().strip(),
                command.body()) : templates.text(actor.organizationId(), event, values.language());
        var problems = text.problems(event.allowed());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String key = command.idempotencyKey() == null || command.idempotencyKey().isBlank()
                ? "manual/" + UUID.randomUUID() : "manual/" + command.idempotencyKey().strip();
        if (key.length() > 200) {
            throw new InvalidInputException("idempotencyKey", "validation.tooLong", 190);
        }
        OutboundMessage message = outbox.enqueue(new Outbox.Envelope(actor.organizationId(), command.applicationId(),
                application.candidateId().value(), application.stageId().value(), event, values.language(),
                values.recipient(), values.recipientName(), text.render(filled), key, sendAt, actor, null), now);
        accessLog.candidates(actor, AccessLog.Action.SEND_MESSAGE, "message " + message.id(),
                List.of(application.candidateId().value()));
        return message;
    }

    /**
     * The organization's message of {@code event} about an application, for a promise another module makes to the
     * candidate (an assignment's release): the usual values of a message about the application, {@code texts} beside
     * them, and {@code times} written as dates and times in the candidate's language and the organization's zone. It
     * goes at {@code sendAt} (null: now); the same {@code key} answers the first message again.
     */
    @Transactional
    public OutboundMessage promise(Actor actor, ApplicationView application, MessageEvent event,
            Map<String, String> texts, Map<String, Instant> times, Instant sendAt, String key) {
        return toCandidate(actor, application, event, language -> texts, times, sendAt, key, language -> null);
    }

    /**
     * The organization's message of {@code event} to the application's candidate, at {@code sendAt} (null: now), with a
     * file in their language
     * (an interview's invite): the usual values of a message about the application, {@code texts} in the candidate's
     * language beside them, and {@code times} written as dates and times in that language and the organization's zone. The same
     * {@code key} answers the first message again.
     */
    @Transactional
    public OutboundMessage tellCandidate(Actor actor, ApplicationView application, MessageEvent event,
            Function<String, Map<String, String>> texts, Map<String, Instant> times, Instant sendAt, String key,
            Function<String, Attachment> attachment) {
        return toCandidate(actor, application, event, texts, times, sendAt, key, attachment);
    }

    /**
     * Cancels the organization's messages not gone yet whose key starts with {@code keyPrefix} (an interview's
     * reminders, when it moves or is called off); answers how many.
     */
    @Transactional
    public int cancelPending(OrganizationId organization, String keyPrefix) {
        if (keyPrefix.isEmpty()) {
            throw new IllegalArgumentException("a prefix is needed");
        }
        // the keys from the prefix up to the first string after all of its extensions, byte by byte: a range the
        // unique index of the keys serves whatever the prefix (a prepared statement's plan cannot see the prefix)
        int last = keyPrefix.codePointBefore(keyPrefix.length());
        String after = keyPrefix.substring(0, keyPrefix.length() - Character.charCount(last))
                + Character.toString(last + 1);
        return jdbc.sql("""
                update outbound_message set status = 'CANCELLED', version = version + 1
                where organization_id = ? and idempotency_key ~>=~ ? and idempotency_key ~<~ ?
                  and status in ('QUEUED', 'WITHHELD')""")
                .params(organization.value(), keyPrefix, after).update();
    }

    private OutboundMessage toCandidate(Actor actor, ApplicationView application, MessageEvent event,
            Function<String, Map<String, String>> texts, Map<String, Instant> times, Instant sendAt, String key,
            Function<String, Attachment> attachment) {
        var values = context.forApplication(actor.organizationId(), application.jobId(), application.candidateId(),
                application.stageId(), null, application.stageId(), application.stageEnteredAt());
        Map<String, String> filled = new HashMap<>(values.values());
        filled.putAll(texts.apply(values.language()));
        times.forEach((name, at) -> filled.put(name, MessageContext.dateTime(at, values.zone(), values.language())));
        Instant now = clock.instant();
        return outbox.enqueue(new Outbox.Envelope(actor.organizationId(), application.id().value(),
                application.candidateId().value(), application.stageId().value(), event, values.language(),
                values.recipient(), values.recipientName(),
                templates.text(actor.organizationId(), event, values.language()).render(filled), key,
                sendAt, actor, null, attachment.apply(values.language())), now);
    }

    /** Cancels a message unless it is already being sent or was sent; answers whether it was cancelled. */
    @Transactional
    public boolean cancelIfNotGone(OrganizationId organization, UUID id) {
        return jdbc.sql("""
                update outbound_message set status = 'CANCELLED', version = version + 1
                where id = ? and organization_id = ? and status in ('QUEUED', 'WITHHELD')""")
                .params(id, organization.value()).update() == 1;
    }

    /** A message's status, for a module that made a promise through {@link #promise}. */
    @Transactional(readOnly = true)
    public Optional<MessageStatus> status(OrganizationId organization, UUID id) {
        return Optional.ofNullable(statuses(organization, List.of(id)).get(id));
    }

    /** The statuses of many messages in one look, by id; ids of another organization are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, MessageStatus> statuses(OrganizationId organization, Collection<UUID> ids) {
        Map<UUID, MessageStatus> statuses = new HashMap<>();
        if (ids.isEmpty()) {
            return statuses;
        }
        jdbc.sql("select id, status from outbound_message where organization_id = ? and id = any(?)")
                .params(organization.value(), ids.toArray(UUID[]::new))
                .query(rs -> {
                    statuses.put(rs.getObject(1, UUID.class), MessageStatus.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    /**
     * The messages an application's candidate has been sent, newest first: for the candidate portal, where the
     * candidate reads their own mail (not recorded as a staff view).
     */
    @Transactional(readOnly = true)
    public List<OutboundMessage> sentTo(OrganizationId organization, UUID applicationId) {
        return jdbc.sql("""
                select * from outbound_message
                where organization_id = ? and application_id = ? and status = 'SENT'
                  and event <> all(?)
                order by sent_at desc""")
                .params(organization.value(), applicationId, MessageEvent.staffEvents())
                .query(Outbox::row).list();
    }

    /**
     * Tells members of staff about an application (an assignment handed in, to its reviewers): the organization's
     * template of {@code event} in its default language, with the usual values of a message about the application,
     * {@code texts} beside them and {@code times} as dates and times in the organization's zone; one message to each
     * enabled user of the organization among {@code userIds} (others are left out), written in the caller's
     * transaction, to go now. {@code key} and the user make each message once. Answers how many were written.
     */
    @Transactional
    public int tellStaff(OrganizationId organization, ApplicationView application, MessageEvent event,
            Collection<UUID> userIds, Map<String, String> texts, Map<String, Instant> times, String key) {
        return tellStaff(organization, application, event, userIds, (user, language) -> texts, times, null, key,
                null);
    }

    /**
     * As {@link #tellStaff(OrganizationId, ApplicationView, MessageEvent, Collection, Map, Map, String)}, with each
     * user's own {@code texts} (by user and the organization's language; an interview's panelist, with their role on
     * the panel), to go at {@code sendAt} (null: now), with a file with every message (an interview's invite).
     */
    @Transactional
    public int tellStaff(OrganizationId organization, ApplicationView application, MessageEvent event,
            Collection<UUID> userIds, BiFunction<UUID, String, Map<String, String>> texts, Map<String, Instant> times,
            Instant sendAt, String key, Attachment attachment) {
        if (!event.toStaff()) {
            throw new IllegalArgumentException(event + " goes to candidates");
        }
        if (userIds.isEmpty()) {
            return 0;
        }
        MessageContext.JobValues job = context.forJob(organization, application.jobId());
        Map<String, String> values = job.forApplication(application.candidateName(), job.language(),
                application.stageId(), null, application.stageId(), application.stageEnteredAt());
        TemplateText text = templates.text(organization, event, job.language());
        Instant now = clock.instant();
        List<Outbox.Envelope> envelopes = new ArrayList<>();
        Set<UUID> wanted = Set.copyOf(userIds);
        for (StaffUserView user : TransactionMemo.get(List.of("staff-users", organization, wanted),
                () -> identity.users(organization, wanted))) {
            if (!user.enabled()) {
                continue;
            }
            Map<String, String> filled = new HashMap<>(values);
            filled.putAll(texts.apply(user.id(), job.language()));
            // times in the user's own zone where they keep one
            ZoneId zone = user.timeZone() == null ? job.zone() : user.timeZone();
            times.forEach((name, at) -> filled.put(name, MessageContext.dateTime(at, zone, job.language())
                    + (zone.equals(job.zone()) ? "" : " (" + zone.getId() + ")")));
            envelopes.add(new Outbox.Envelope(organization, application.id().value(), null,
                    application.stageId().value(), event, job.language(), user.email(), user.displayName(),
                    text.render(filled), key + "/" + user.id(), sendAt, null, null, attachment));
        }
        outbox.writeEach(envelopes, now);
        return envelopes.size();
    }

    /**
     * A candidate's one-time link to the candidate portal, in the platform's wording (no organization's), to go now.
     * It goes through the outbox like every message, so it survives a restart and goes once per {@code key}; it
     * belongs to no organization, so no organization's staff see it.
     */
    @Transactional
    public void sendPortalLink(String email, String language, String link, Instant validUntil, ZoneId zone,
            String key) {
        MessageEvent event = MessageEvent.PORTAL_SIGN_IN;
        String lang = Languages.ALL.contains(language) ? language : "en";
        TemplateText.Rendered content = templates.shippedText(event, lang).render(Map.of("signInLink", link,
                "validUntil", MessageContext.dateTime(validUntil, zone, lang)));
        outbox.write(new Outbox.Envelope(null, null, null, null, event, lang, email, "", content, "portal/" + key,
                null, null, null), clock.instant());
    }

    /** Cancels a message that has not gone yet; 409 once it is being sent or was sent. */
    @Transactional
    public OutboundMessage cancel(Actor actor, UUID id) {
        change(actor, id, "status = 'CANCELLED'", Map.of());
        return find(actor.organizationId(), id);
    }

    /** Moves a message that has not gone yet to another minute. */
    @Transactional
    public OutboundMessage reschedule(Actor actor, UUID id, Instant sendAt) {
        Instant at = sendAt(sendAt, clock.instant());
        change(actor, id, "send_at = :at, next_attempt_at = :at", Map.of("at", Timestamp.from(at)));
        return find(actor.organizationId(), id);
    }

    /** Gives a dead letter a fresh start: queued now, with its attempts counted from zero. */
    @Transactional
    public OutboundMessage retry(Actor actor, UUID id) {
        int updated = jdbc.sql("""
                update outbound_message set status = 'QUEUED', attempts = 0, next_attempt_at = :now,
                    version = version + 1
                where id = :id and organization_id = :org and status = 'DEAD'""")
                .param("now", Timestamp.from(clock.instant())).param("id", id)
                .param("org", actor.organizationId().value()).update();
        if (updated == 0) {
            find(actor.organizationId(), id);
            throw new ConflictException("error.message.notDead");
        }
        return find(actor.organizationId(), id);
    }

    private void change(Actor actor, UUID id, String set, Map<String, Object> params) {
        var update = jdbc.sql("update outbound_message set " + set + ", version = version + 1 "
                + "where id = :id and organization_id = :org and status in ('QUEUED', 'DEFERRED')")
                .param("id", id).param("org", actor.organizationId().value());
        for (var param : params.entrySet()) {
            update = update.param(param.getKey(), param.getValue());
        }
        if (update.update() == 0) {
            find(actor.organizationId(), id);
            throw new ConflictException("error.message.alreadyGone");
        }
    }

    private static Instant sendAt(Instant requested, Instant now) {
        if (requested == null) {
            return now;
        }
        return Minutes.notPast(requested, now, "sendAt");
    }

    private OutboundMessage find(OrganizationId organization, UUID id) {
        return jdbc.sql("select * from outbound_message where id = ? and organization_id = ?")
                .params(id, organization.value())
                .query(Outbox::row).optional()
                .orElseThrow(() -> new NotFoundException("message"));
    }

    private void logView(Actor actor, List<OutboundMessage> messages, String subject) {
        List<UUID> candidates = messages.stream().map(OutboundMessage::candidateId).filter(java.util.Objects::nonNull)
                .distinct().toList();
        if (!candidates.isEmpty()) {
            accessLog.candidates(actor, AccessLog.Action.VIEW_MESSAGES, subject, candidates);
        }
    }
}
