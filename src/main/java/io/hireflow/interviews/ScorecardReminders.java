package io.hireflow.interviews;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.hireflow.notifications.MessageEvent;
import io.hireflow.notifications.NotificationManagement;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.shared.OrganizationId;

/**
 * The reminder to submit a scorecard: a message to each panelist, scheduled in the outbox with the interview's invites
 * for a day after the interview ends (so it survives restarts and goes once, from whichever node is up), cancelled
 * when that panelist submits, and replaced when the interview moves or cancelled when it is called off. Keyed
 * {@code interview/{id}/scorecard-due/{sequence}/{user}}.
 */
@Component
class ScorecardReminders {

    static final Duration AFTER = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final NotificationManagement notifications;

    ScorecardReminders(JdbcClient jdbc, NotificationManagement notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    static String reminderPrefix(UUID interviewId) {
        return "interview/" + interviewId + "/scorecard-due/";
    }

    /**
     * With an interview's invites: the reminders of its earlier times are cancelled and, unless it was called off, each
     * panelist without a scorecard gets one scheduled for a day after it ends, with the link to the kit.
     */
    void schedule(OrganizationId organization, Interview interview, ApplicationView application,
            String baseUrl, Map<String, String> texts) {
        notifications.cancelPending(organization, reminderPrefix(interview.id()));
        if (interview.status() != InterviewStatus.SCHEDULED || interview.endsAt() == null) {
            return;
        }
        Set<UUID> done = Set.copyOf(jdbc.sql("select user_id from scorecard where interview_id = ?")
                .param(interview.id()).query(UUID.class).list());
        Instant at = interview.endsAt().plus(AFTER);
        Map<String, String> values = new HashMap<>(texts);
        values.put("kitLink", baseUrl + "/interviews/" + interview.id() + "/kit");
        List<UUID> due = interview.panelIds().stream().filter(user -> !done.contains(user)).toList();
        notifications.tellStaff(organization, application, MessageEvent.SCORECARD_DUE, due, (user, language) -> {
            Map<String, String> own = new HashMap<>(values);
            own.put("panelRole", interview.panelRole(user));
            return own;
        }, Map.of("interviewTime", interview.startsAt()), at,
                reminderPrefix(interview.id()) + interview.sequence(), null);
    }

    /** A panelist submitted: their reminder (of any time of the interview) is not needed any more. */
    void cancel(OrganizationId organization, Interview interview, UUID userId) {
        // the reminders of the interview's earlier times were cancelled when it moved
        notifications.cancelPending(organization,
                reminderPrefix(interview.id()) + interview.sequence() + "/" + userId);
    }
}
