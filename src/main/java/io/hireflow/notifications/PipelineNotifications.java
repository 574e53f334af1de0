package io.hireflow.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.hireflow.jobs.StageId;
import io.hireflow.pipeline.ApplicationMoved;
import io.hireflow.pipeline.ApplicationReceived;
import io.hireflow.pipeline.CandidateNotice;
import io.hireflow.shared.OrganizationId;

/**
 * Tells candidates about decisions on their applications. Listens inside the transaction that stores the decision
 * (a plain, synchronous listener), so the message is written with the decision or not at all: a committed move
 * always has its message, a rolled-back one never does.
 */
@Component
class PipelineNotifications {

    private final MessageTemplates templates;
    private final MessageContext context;
    private final Outbox outbox;
    private final NoticeDefaults defaults;
    private final Clock clock;

    PipelineNotifications(MessageTemplates templates, MessageContext context, Outbox outbox,
            NoticeDefaults defaults, Clock clock) {
        this.templates = templates;
        this.context = context;
        this.outbox = outbox;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The receipt notice the Fair Hiring Procedure Act asks for (Art. 7(2)), for every application. */
    @EventListener
    void on(ApplicationReceived received) {
        var values = context.forApplication(received.organizationId(), received.jobId(), received.candidateName(),
                received.candidateEmail(), received.candidateLanguage(), received.stageId(), null, received.stageId(),
                received.at());
        enqueue(received.organizationId(), received.applicationId().value(), received.candidateId().value(),
                MessageEvent.APPLICATION_RECEIVED, values, "application/" + received.applicationId().value()
                        + "/received", received.stageId().value(), null, null);
    }

    /**
     * The message of a decision, as its notice says: at once, at the chosen minute, or withheld with the reason. Left
     * to the default, the decided stage's default applies (see {@link NoticeDefaults}).
     */
    @EventListener
    void on(ApplicationMoved moved) {
        MessageEvent event = switch (moved.type()) {
            case ADVANCED -> MessageEvent.STAGE_PASSED;
            case SKIPPED -> MessageEvent.STAGE_SKIPPED;
            case REJECTED -> MessageEvent.REJECTED;
            case MOVED -> moved.forward() ? MessageEvent.STAGE_PASSED : null;
            // holding, reopening and withdrawing change nothing the candidate waits for; a hire is announced with
            // the accepted offer
            default -> null;
        };
        if (event == null) {
            return;
        }
        StageId next = event == MessageEvent.REJECTED ? null : moved.toStageId();
        var values = context.forApplication(moved.organizationId(), moved.jobId(), moved.candidateId(),
                moved.fromStageId(), next, moved.toStageId(), moved.at());
        CandidateNotice notice = moved.notice();
        String withheld = switch (notice.mode()) {
            case NONE -> notice.reason();
            case DEFAULT -> defaults.notifies(moved.fromStageId()) ? null : Outbox.STAGE_DEFAULT;
            default -> null;
        };
        Instant sendAt = notice.mode() == CandidateNotice.Mode.AT ? notice.sendAt() : null;
        enqueue(moved.organizationId(), moved.applicationId().value(), moved.candidateId().value(), event, values,
                "application/" + moved.applicationId().value() + "/v" + moved.version(),
                moved.fromStageId().value(), sendAt, withheld);
    }

    private void enqueue(OrganizationId organization, UUID applicationId, UUID candidateId, MessageEvent event,
            MessageContext.Values values, String key, UUID stageId, Instant sendAt, String withheld) {
        TemplateText.Rendered content = templates.text(organization, event, values.language()).render(values.values());
        outbox.write(new Outbox.Envelope(organization, applicationId, candidateId, stageId, event,
                values.language(), values.recipient(), values.recipientName(), content, key, sendAt, null, withheld),
                clock.instant());
    }
}
