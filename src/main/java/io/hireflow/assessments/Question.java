package io.hireflow.assessments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hireflow.shared.OrganizationId;

/**
 * A question of an organization's bank. {@code correct} are the right choices (texts among {@code choices});
 * {@code acceptedAnswers} the short answers that count as right; {@code gradingNotes} what a good answer says.
 */
public record Question(UUID id, OrganizationId organizationId, String topic, Difficulty difficulty, QuestionKind kind,
        String language, String prompt, List<String> choices, List<String> correct, List<String> acceptedAnswers,
        String gradingNotes, List<String> tags, Instant createdAt, Instant updatedAt, long version) {
}
