package io.hireflow.assessments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job's online test as staff see it: its window, time limit, the questions it was built with (copied from the bank
 * when it was made, with what counts as right) and the pass mark last applied, as a percentage of {@code maxPoints}.
 */
public record OnlineTest(UUID id, UUID jobId, UUID stageId, String title, String language, int timeLimitMinutes,
        Instant opensAt, Instant closesAt, int maxPoints, BigDecimal passMark, List<TestQuestion> questions,
        Instant createdAt) {

    /** Whether the window is open at {@code now}. */
    public boolean openAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /**
     * One question of a test, at its position (from 1). {@code correct} are the right choices; {@code
     * acceptedAnswers} the short answers that count, folded as grading compares them (lower case, single spaces).
     */
    public record TestQuestion(int position, UUID questionId, String topic, QuestionKind kind, String prompt,
            List<String> choices, List<String> correct, List<String> acceptedAnswers, String gradingNotes,
            int points) {
    }
}
