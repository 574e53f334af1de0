package io.hireflow.jobs;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A question as an edit of a job's questions describes it: {@code id} names an existing question to keep (reworded,
 * moved), no id adds one. At least one of the texts is needed; {@code choices} count only for the choice kinds.
 */
public record QuestionPlan(
        UUID id,
        @NotNull QuestionKind kind,
        @Size(max = JobQuestions.MAX_TEXT) String textKo,
        @Size(max = JobQuestions.MAX_TEXT) String textEn,
        @Size(max = JobQuestions.MAX_CHOICES) List<@Size(max = JobQuestions.MAX_CHOICE) String> choices,
        Boolean required) {
}
