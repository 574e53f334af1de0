package io.hireflow.interviews;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.OrganizationView;
import io.hireflow.interviews.travel.TravelPolicies;
import io.hireflow.notifications.Attachment;
import io.hireflow.notifications.MessageEvent;
import io.hireflow.notifications.NotificationManagement;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.Actor;

/**
 * The emails that carry an interview's invites, written in the transaction of the change: the candidate's (in their
 * language, never with the kit's link) and one to each panelist (in the organization's language, with their role and
 * the link to the candidate and the kit). Each carries the iCalendar object of that change: {@code REQUEST} with the
 * interview's sequence for a new or moved interview, {@code CANCEL} for one called off. The keys of the messages hold
 * the sequence, so each change is sent once and a retry sends the same invite. The day-before reminders are scheduled
 * messages, replaced when the interview moves and cancelled when it is called off.
 */
@Component
class InterviewInvites {

    private static final java.time.format.DateTimeFormatter SLOT =
            java.time.format.DateTimeFormatter.ofPattern("M/d (E) HH:mm");

    /** What happened to the interview. */
    enum Change {
        SCHEDULED(MessageEvent.INTERVIEW_INVITED, MessageEvent.PANEL_INVITED),
        MOVED(MessageEvent.INTERVIEW_UPDATED, MessageEvent.PANEL_UPDATED),
        CANCELLED(MessageEvent.INTERVIEW_CANCELLED, MessageEvent.PANEL_CANCELLED);

        final MessageEvent candidate;
        final MessageEvent panel;

        Change(MessageEvent candidate, MessageEvent panel) {
            this.candidate = candidate;
            this.panel = panel;
        }
    }

    private final NotificationManagement notifications;
    private final PipelineManagement pipeline;
    private final IdentityManagement identity;
    private final MessageSource messages;
    private final String from;
    private final Clock clock;
    private final TravelPolicies travel;
    private final ScorecardReminders scorecardReminders;

    InterviewInvites(NotificationManagement notifications, PipelineManagement pipeline, IdentityManagement identity,
            MessageSource messages, @Value("${hireflow.notifications.from}") String from, Clock clock,
            TravelPolicies travel, ScorecardReminders scorecardReminders) {
        this.travel = travel;
        this.scorecardReminders = scorecardReminders;
        this.notifications = notifications;
        this.pipeline = pipeline;
        this.identity = identity;
        this.messages = messages;
        this.from = from;
        this.clock = clock;
    }

    /** Sends the invites of a change; {@code baseUrl} is where Hireflow is reached, for the panel's link. */
    void send(Actor actor, Interview interview, Change change, String baseUrl) {
        send(actor, interview, pipeline.application(actor.organizationId(),
                new JobApplicationId(interview.applicationId())), change, baseUrl);
    }

    /** As {@link #send(Actor, Interview, Change, String)}, for the interview's application as the caller read it. */
    void send(Actor actor, Interview interview, ApplicationView application, Change change, String baseUrl) {
        OrganizationView organization = identity.organization(actor.organizationId());
        ZoneId zone = organization.timeZone();
        Instant stamp = clock.instant();
        InterviewCalendar.Person organizer = new InterviewCalendar.Person(organization.name(), from);
        List<InterviewCalendar.Person> attendees = Stream.concat(
                Stream.of(new InterviewCalendar.Person(application.candidateName(), application.candidateEmail())),
                interview.panel().stream().map(p -> new InterviewCalendar.Person(p.name(), p.email()))).toList();
        boolean cancel = change == Change.CANCELLED;
        String kitLink = baseUrl + "/interviews/" + interview.id() + "/kit";
        String key = "interview/" + interview.id() + "/" + interview.sequence();
        Map<String, Instant> times = Map.of("interviewTime", interview.startsAt());

        notifications.tellCandidate(actor, application, change.candidate,
                language -> withTravel(texts(interview, language, null, null), actor, interview, change, language),
                times, null, key + "/candidate",
                language -> Attachment.calendar(InterviewCalendar.write(new InterviewCalendar.Invite(
                        InterviewCalendar.uid(interview.id()), interview.sequence(), cancel,
                        interview.title() + " · " + organization.name(), interview.startsAt(), interview.endsAt(),
                        zone, where(interview, language), format(interview, language), null, organizer, attendees,
                        stamp)), cancel));
        // the panel's invite is the same for every panelist, in the organization's language
        String language = organization.defaultLocale().getLanguage();
        Attachment panelInvite = Attachment.calendar(InterviewCalendar.write(new InterviewCalendar.Invite(
                InterviewCalendar.uid(interview.id()), interview.sequence(), cancel,
                interview.title() + ": " + application.candidateName(), interview.startsAt(), interview.endsAt(),
                zone, where(interview, language), format(interview, language) + "\n" + kitLink, kitLink, organizer,
                attendees, stamp)), cancel);
        notifications.tellStaff(actor.organizationId(), application, change.panel, interview.panelIds(),
                (user, each) -> texts(interview, each, interview.panelRole(user), kitLink), times, null, key + "/panel",
                panelInvite);
        remind(actor, interview, application, kitLink, times);
        scorecardReminders.schedule(actor.organizationId(), interview, application, baseUrl,
                texts(interview, language, null, null));
    }

    /**
     * The day-before reminders: those of the interview's earlier times are cancelled, and, unless it was called off or
     * is less than a day away, new ones are scheduled for a day before it, to the candidate and each panelist.
     */
    private void remind(Actor actor, Interview interview, ApplicationView application, String kitLink,
            Map<String, Instant> times) {
        String prefix = "interview/" + interview.id() + "/reminder/";
        notifications.cancelPending(actor.organizationId(), prefix);
        Instant at = interview.startsAt().minus(java.time.Duration.ofDays(1));
        if (interview.status() != InterviewStatus.SCHEDULED || !at.isAfter(clock.instant())) {
            return;
        }
        String key = prefix + interview.sequence();
        notifications.tellCandidate(actor, application, MessageEvent.INTERVIEW_REMINDER,
                language -> texts(interview, language, null, null), times, at, key + "/candidate", language -> null);
        notifications.tellStaff(actor.organizationId(), application, MessageEvent.PANEL_REMINDER, interview.panelIds(),
                (user, language) -> texts(interview, language, interview.panelRole(user), kitLink), times, at,
                key + "/panel", null);
    }

    /** Tells the candidate the times offered, to pick one in the portal (no invite yet: there is no time yet). */
    void offer(Actor actor, Interview interview, String baseUrl) {
        ApplicationView application = pipeline.application(actor.organizationId(),
                new JobApplicationId(interview.applicationId()));
        ZoneId zone = identity.organization(actor.organizationId()).timeZone();
        notifications.tellCandidate(actor, application, MessageEvent.INTERVIEW_SLOTS_OFFERED, language -> {
            Map<String, String> texts = texts(interview, language, null, null);
            texts.put("interviewSlots", String.join(", ", interview.slots().stream()
                    .map(slot -> SLOT.withLocale(Locale.forLanguageTag(language)).format(slot.startsAt().atZone(zone)))
                    .toList()));
            texts.put("portalLink", baseUrl + "/portal");
            return texts;
        }, Map.of(), null, "interview/" + interview.id() + "/slots", language -> null);
    }

    /** The invite tells an eligible candidate that travel to an in-person interview is supported, and how. */
    private Map<String, String> withTravel(Map<String, String> texts, Actor actor, Interview interview, Change change,
            String language) {
        if (change == Change.SCHEDULED) {
            texts.put("travelSupport", travel.inviteLine(actor.organizationId(), interview, language));
        }
        return texts;
    }

    private Map<String, String> texts(Interview interview, String language, String role, String kitLink) {
        Map<String, String> texts = new HashMap<>();
        texts.put("interviewTitle", interview.title());
        texts.put("interviewFormat", format(interview, language));
        texts.put("interviewLocation", where(interview, language));
        texts.put("cancelReason", interview.cancelReason() == null ? "" : interview.cancelReason());
        if (role != null) {
            texts.put("panelRole", role);
            texts.put("kitLink", kitLink);
        }
        return texts;
    }

    /** The answer to a request for a remote interview, in the candidate's language. */
    String decision(String decision, InterviewFormat format, String language) {
        return messages.getMessage("interviews.remote." + decision, new Object[] {format(format, language)},
                Locale.forLanguageTag(language));
    }

    private String format(InterviewFormat format, String language) {
        return messages.getMessage("interviews.format." + format.name(), null, Locale.forLanguageTag(language));
    }

    /** The format said plainly, in the reader's language: "In person at …", "Video call", "Phone call". */
    private String format(Interview interview, String language) {
        return format(interview.format(), language);
    }

    private String where(Interview interview, String language) {
        return switch (interview.format()) {
            case IN_PERSON -> interview.location();
            case VIDEO -> interview.videoLink();
            case PHONE -> messages.getMessage("interviews.where.PHONE", null, Locale.forLanguageTag(language));
        };
    }
}
