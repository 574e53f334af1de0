package io.hireflow.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a candidate was promised by a certain time: a decision on their stage (by its deadline), a message
 * scheduled for them, or the results of a bulk announcement ({@code count} candidates). {@code overdue} when its time
 * passed and it was not kept; {@code noticed} when the recruiters were alerted about it.
 */
public record Promise(String key, Kind kind, UUID jobId, String jobTitle, UUID applicationId, String candidateName,
        UUID stageId, String stageName, UUID messageId, UUID announcementId, int count, Instant dueAt,
        boolean overdue, boolean noticed) {

    public enum Kind {
        /** A decision on the application's current stage, due by the stage's deadline. */
        DECISION,
        /** A message scheduled for the candidate, due at its minute (or one that failed to go). */
        MESSAGE,
        /** The results of an announcement, due at its minute. */
        ANNOUNCEMENT
    }
}
