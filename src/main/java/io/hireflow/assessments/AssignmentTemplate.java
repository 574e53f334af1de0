package io.hireflow.assessments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job's take-home assignment for one of its {@code ASSIGNMENT} stages: what the candidate gets, how long they have
 * from its release, what they hand in, what happens to a late hand-in, who reviews it and against which rubric.
 */
public record AssignmentTemplate(UUID id, UUID jobId, UUID stageId, String title, String instructions,
        String resourceUrl, int durationHours, Submission submission, LatePolicy latePolicy, List<UUID> reviewerIds,
        List<Criterion> criteria, Instant createdAt, Instant updatedAt, long version) {

    /** What the candidate hands in. */
    public enum Submission {
        /** A link to a repository or a pull request. */
        LINK,
        /** Files. */
        FILES,
        /** Both a link and files. */
        LINK_AND_FILES
    }

    /** What happens to a hand-in after the deadline. */
    public enum LatePolicy {
        /** It is refused. */
        REFUSE,
        /** It is taken, and marked late for the reviewers. */
        ACCEPT_MARKED_LATE
    }

    /** One line of the rubric: what is scored, how, and out of how many points. */
    public record Criterion(UUID id, String name, String description, int maxScore) {
    }
}
