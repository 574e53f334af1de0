package io.hireflow.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.hireflow.jobs.JobId;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageId;
import io.hireflow.shared.Actor;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Messages to candidates and their templates, over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Messages", description = "Messages to candidates: the outbox, scheduled sends, templates")
class NotificationApiController {

    private final NotificationManagement notifications;
    private final MessageTemplates templates;
    private final NoticeDefaults noticeDefaults;
    private final Announcements announcements;
    private final Promises promises;
    private final Clock clock;

    NotificationApiController(NotificationManagement notifications, MessageTemplates templates,
            NoticeDefaults noticeDefaults, Announcements announcements, Promises promises, Clock clock) {
        this.notifications = notifications;
        this.templates = templates;
        this.noticeDefaults = noticeDefaults;
        this.announcements = announcements;
        this.promises = promises;
        this.clock = clock;
    }

    record SettingsRequest(@Min(1) @Max(60) Integer delayNoticeDays) {
    }

    record SettingsResponse(Integer delayNoticeDays) {
    }

    record AnnouncementRequest(@NotNull UUID jobId, @NotNull UUID stageId, MessageEvent passEvent,
            MessageEvent failEvent, Instant sendAt) {

        Announcements.StartAnnouncement command() {
            return new Announcements.StartAnnouncement(jobId, stageId, passEvent, failEvent, sendAt);
        }
    }

    record RenderedResponse(String to, String subject, String text, String html) {

        static RenderedResponse of(String to, TemplateText.Rendered rendered) {
            return rendered == null ? null : new RenderedResponse(to, rendered.subject(), rendered.text(),
                    rendered.html());
        }
    }

    record PreviewResponse(int passing, int failing, int alreadyTold, RenderedResponse pass, RenderedResponse fail) {
    }

    record StageNoticeResponse(UUID stageId, String name, boolean notifyCandidate) {
    }

    record StageNoticeRequest(@NotNull UUID stageId, @NotNull Boolean notifyCandidate) {
    }

    record NoticeDefaultsRequest(@NotNull @Size(max = 20) List<@Valid @NotNull StageNoticeRequest> stages) {
    }

    record MessageResponse(UUID id, UUID applicationId, UUID candidateId, MessageEvent event, String language,
            String recipient, String recipientName, String subject, String bodyText, String bodyHtml,
            String messageId, MessageStatus status, Instant scheduledAt, Instant nextAttemptAt, int attempts,
            String lastError, Instant sentAt, String transport, Instant createdAt, String createdBy, long version) {

        static MessageResponse of(OutboundMessage m) {
            return new MessageResponse(m.id(), m.applicationId(), m.candidateId(), m.event(), m.language(),
                    m.recipient(), m.recipientName(), m.subject(), m.bodyText(), m.bodyHtml(), m.messageId(),
                    m.status(), m.sendAt(), m.status() == MessageStatus.DEFERRED ? m.nextAttemptAt() : null,
                    m.attempts(), m.lastError(), m.sentAt(), m.transport(), m.createdAt(), m.createdByName(),
                    m.version());
        }
    }

    record MessageListResponse(List<MessageResponse> items, String nextCursor) {
    }

    record ScheduleRequest(@NotNull UUID applicationId, MessageEvent event, @Size(max = 200) String subject,
            @Size(max = 20_000) String body, Instant newExpectedDate, Instant sendAt,
            @Size(max = 150) String idempotencyKey) {
    }

    record RescheduleRequest(@NotNull Instant sendAt) {
    }

    record TemplateRequest(String subject, String body, Long version) {
    }

    record TemplateResponse(MessageEvent event, String language, String subject, String body, boolean custom,
            Long version, Instant updatedAt, List<String> variables) {

        static TemplateResponse of(MessageTemplate t) {
            return new TemplateResponse(t.event(), t.language(), t.subject(), t.body(), t.custom(), t.version(),
                    t.updatedAt(), t.variables());
        }
    }

    @GetMapping("/messages")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listMessages", summary = "Messages to candidates, newest first",
            description = "Filter by application, by recipient (any part of the address) and by status. Each "
                    + "message has its status, attempts, scheduled time and Message-ID. Pass nextCursor as cursor.")
    MessageListResponse list(Actor actor, @RequestParam(required = false) UUID applicationId,
            @RequestParam(required = false) String recipient, @RequestParam(required = false) MessageStatus status,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        var page = notifications.messages(actor, new NotificationManagement.MessageFilter(applicationId, recipient,
                status), cursor, limit);
        return new MessageListResponse(page.items().stream().map(MessageResponse::of).toList(), page.nextCursor());
    }

    @GetMapping("/messages/{messageId}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getMessage", summary = "One message, exactly as the candidate gets it")
    MessageResponse get(Actor actor, @PathVariable UUID messageId) {
        return MessageResponse.of(notifications.message(actor, messageId));
    }

    @PostMapping("/messages")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "scheduleMessage", summary = "Send a message to an application's candidate",
            description = "Either the organization's template of event (FREE_FORM or DELAY_NOTICE, which needs "
                    + "newExpectedDate) or your own subject and body (Markdown; the template variables work). "
                    + "Without sendAt it goes now; with sendAt at that minute. The same idempotencyKey answers the "
                    + "first message again instead of sending a second.")
    ResponseEntity<MessageResponse> schedule(Actor actor, @Valid @RequestBody ScheduleRequest request) {
        OutboundMessage message = notifications.send(actor, new NotificationManagement.SendMessage(
                request.applicationId(), request.event(), request.subject(), request.body(),
                request.newExpectedDate(), request.sendAt(), request.idempotencyKey()));
        return ResponseEntity.created(URI.create("/api/v1/messages/" + message.id())).body(MessageResponse.of(message));
    }

    @DeleteMapping("/messages/{messageId}")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "cancelMessage", summary = "Cancel a message that has not gone yet",
            description = "409 once the message is being sent, was sent, or was given up.")
    MessageResponse cancel(Actor actor, @PathVariable UUID messageId) {
        return MessageResponse.of(notifications.cancel(actor, messageId));
    }

    @PutMapping("/messages/{messageId}/schedule")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "rescheduleMessage", summary = "Move a message that has not gone yet to another minute")
    MessageResponse reschedule(Actor actor, @PathVariable UUID messageId,
            @Valid @RequestBody RescheduleRequest request) {
        return MessageResponse.of(notifications.reschedule(actor, messageId, request.sendAt()));
    }

    @PostMapping("/messages/{messageId}/retry")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "retryMessage", summary = "Send a dead letter again")
    MessageResponse retry(Actor actor, @PathVariable UUID messageId) {
        return MessageResponse.of(notifications.retry(actor, messageId));
    }

    @PostMapping("/announcements")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "startAnnouncement", summary = "Announce a stage's results to every candidate",
            description = "Those who went on past the stage get passEvent's template (STAGE_PASSED or FREE_FORM), "
                    + "those rejected in it failEvent's (REJECTED or FREE_FORM); leave one out to tell only the "
                    + "other group. Candidates already told this stage's result are skipped. Without sendAt the "
                    + "messages go now, else at that minute. Answers the announcement's id and progress counts.")
    ResponseEntity<Announcement> startAnnouncement(Actor actor, @Valid @RequestBody AnnouncementRequest request) {
        Announcement started = announcements.start(actor, request.command());
        return ResponseEntity.created(URI.create("/api/v1/announcements/" + started.id())).body(started);
    }

    @PostMapping("/announcements/preview")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "previewAnnouncement", summary = "How many would be told, and one message of each kind")
    PreviewResponse previewAnnouncement(Actor actor, @Valid @RequestBody AnnouncementRequest request) {
        Announcements.Preview preview = announcements.preview(actor, request.command());
        return new PreviewResponse(preview.passing(), preview.failing(), preview.alreadyTold(),
                RenderedResponse.of(preview.passTo(), preview.pass()),
                RenderedResponse.of(preview.failTo(), preview.fail()));
    }

    @GetMapping("/announcements/{announcementId}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getAnnouncement", summary = "An announcement's progress",
            description = "progress counts the messages waiting, sent, deferred (to be retried), dead and cancelled.")
    Announcement getAnnouncement(Actor actor, @PathVariable UUID announcementId) {
        return announcements.announcement(actor, announcementId);
    }

    @GetMapping("/promises")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listPromises", summary = "Open promises to candidates due before a time",
            description = "Decisions due by their stage's deadline, scheduled messages, announcements; overdue ones "
                    + "first. until defaults to the end of today in the organization's time zone. Filter by job "
                    + "and by recruiter (the jobs where that user is a recruiter). At most 500.")
    List<Promise> listPromises(Actor actor, @RequestParam(required = false) UUID jobId,
            @RequestParam(required = false) UUID recruiterId, @RequestParam(required = false) Instant until) {
        return promises.due(actor, new Promises.PromiseFilter(jobId, recruiterId),
                until == null ? Promises.endOfToday(clock, actor.timeZone()) : until);
    }

    @GetMapping("/promises/overdue")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listOverduePromises", summary = "Promises to candidates that were missed",
            description = "Each with its kind (DECISION, MESSAGE, ANNOUNCEMENT), job, candidate, due time, and "
                    + "noticed: whether the recruiters were alerted. Filter by job and recruiter. At most 500.")
    List<Promise> listOverduePromises(Actor actor, @RequestParam(required = false) UUID jobId,
            @RequestParam(required = false) UUID recruiterId) {
        return promises.overdue(actor, new Promises.PromiseFilter(jobId, recruiterId));
    }

    @GetMapping("/notification-settings")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getNotificationSettings", summary = "What Hireflow does about late decisions")
    SettingsResponse settings(Actor actor) {
        return new SettingsResponse(promises.delayNoticeDays(actor.organizationId()).orElse(null));
    }

    @PutMapping("/notification-settings")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "updateNotificationSettings", summary = "Tell candidates of late decisions by itself",
            description = "delayNoticeDays (1-60): a candidate whose decision is overdue gets the delay notice with "
                    + "a new expected date that many days on; null turns it off.")
    SettingsResponse updateSettings(Actor actor, @Valid @RequestBody SettingsRequest request) {
        return new SettingsResponse(promises.setDelayNoticeDays(actor, request.delayNoticeDays()).orElse(null));
    }

    @GetMapping("/jobs/{jobId}/notice-defaults")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getNoticeDefaults", summary = "Whether a decision at each stage tells the candidate "
            + "by default")
    List<StageNoticeResponse> noticeDefaults(Actor actor, @PathVariable UUID jobId) {
        return stageNotices(noticeDefaults.defaults(actor.organizationId(), new JobId(jobId)));
    }

    @PutMapping("/jobs/{jobId}/notice-defaults")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "updateNoticeDefaults", summary = "Set whether decisions at stages tell candidates by "
            + "default", description = "Stages left out keep their setting. A stage of another job is refused (400).")
    List<StageNoticeResponse> updateNoticeDefaults(Actor actor, @PathVariable UUID jobId,
            @Valid @RequestBody NoticeDefaultsRequest request) {
        Map<StageId, Boolean> changes = new LinkedHashMap<>();
        request.stages().forEach(stage -> changes.put(new StageId(stage.stageId()), stage.notifyCandidate()));
        return stageNotices(noticeDefaults.update(actor, new JobId(jobId), changes));
    }

    private static List<StageNoticeResponse> stageNotices(Map<Stage, Boolean> defaults) {
        return defaults.entrySet().stream().map(entry -> new StageNoticeResponse(entry.getKey().id().value(),
                entry.getKey().name(), entry.getValue())).toList();
    }

    @GetMapping("/message-templates")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listMessageTemplates", summary = "Every event's template in Korean and English")
    List<TemplateResponse> templates(Actor actor) {
        return templates.templates(actor.organizationId()).stream().map(TemplateResponse::of).toList();
    }

    @PutMapping("/message-templates/{event}/{language}")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "updateMessageTemplate", summary = "Change the organization's wording of a template",
            description = "400 names an unknown variable or a broken placeholder; version (none for a shipped "
                    + "default) guards against overwriting someone else's change (409).")
    TemplateResponse updateTemplate(Actor actor, @PathVariable MessageEvent event, @PathVariable String language,
            @RequestBody TemplateRequest request) {
        return TemplateResponse.of(templates.save(actor, event, language, request.subject(), request.body(),
                request.version()));
    }

    @DeleteMapping("/message-templates/{event}/{language}")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "resetMessageTemplate", summary = "Go back to the shipped default of a template")
    TemplateResponse resetTemplate(Actor actor, @PathVariable MessageEvent event, @PathVariable String language) {
        return TemplateResponse.of(templates.reset(actor, event, language));
    }
}
