package io.hireflow.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.hireflow.candidates.CandidateId;
import io.hireflow.jobs.Job;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.jobs.Stage;

/** Board cards: how long an application has waited in its stage, and whether that is past the stage's deadline. */
final class BoardCards {

    private BoardCards() {
    }

    static BoardCard of(JobApplicationId id, CandidateId candidateId, String candidateName, ApplicationStatus status,
            Instant enteredAt, long version, Stage stage, Instant now) {
        boolean overdue = status == ApplicationStatus.ACTIVE && stage.deadlineDays() != null
                && enteredAt.plus(Duration.ofDays(stage.deadlineDays())).isBefore(now);
        return new BoardCard(id, candidateId, candidateName, status, enteredAt,
                Duration.between(enteredAt, now).toDays(), overdue, version);
    }

    /** Records that the actor saw the candidates on these columns. */
    static void logView(AccessLog accessLog, Actor actor, Job job, List<BoardColumn> columns) {
        accessLog.candidates(actor, AccessLog.Action.VIEW_BOARD, "board of job " + job.id(), columns.stream()
                .flatMap(column -> column.cards().stream()).map(card -> card.candidateId().value()).toList());
    }

    static BoardCard of(ApplicationView application, Stage stage, Instant now) {
        return of(application.id(), application.candidateId(), application.candidateName(), application.status(),
                application.stageEnteredAt(), application.version(), stage, now);
    }
}
