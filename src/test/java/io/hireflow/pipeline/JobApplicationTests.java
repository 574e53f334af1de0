package io.hireflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hireflow.jobs.EmploymentType;
import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobStatus;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageId;
import io.hireflow.jobs.StageKind;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.OrganizationId;

/** The rules of every move, on the story's pipeline. */
class JobApplicationTests {

    private static final Job STORY = buildStory();
    private final Job job = STORY;
    private final Stage screening = job.stages().get(0);
    private final Stage assignment = job.stages().get(1);
    private final Stage technical = job.stages().get(2);
    private final Stage offer = job.stages().get(4);
    private final Stage hired = job.stages().get(5);

    @Test
    void advancingPassesTheStageAndEntersTheNext() {
        var move = in(screening, ApplicationStatus.ACTIVE).decide(action(TransitionAction.ADVANCE), job, code -> true);
        assertThat(move.type()).isEqualTo(TimelineEventType.ADVANCED);
        assertThat(move.fromStageId()).isEqualTo(screening.id());
        assertThat(move.toStageId()).isEqualTo(assignment.id());
        assertThat(move.status()).isEqualTo(ApplicationStatus.ACTIVE);
    }

    @Test
    void skippingNeedsAReasonAndRecordsTheStageAsSkipped() {
        var application = in(assignment, ApplicationStatus.ACTIVE);
        assertThatThrownBy(() -> application.decide(action(TransitionAction.SKIP), job, code -> true))
                .isInstanceOf(InvalidInputException.class);
        var move = application.decide(new Transition(TransitionAction.SKIP, null, null, "strong portfolio", 0L), job,
                code -> true);
        assertThat(move.type()).isEqualTo(TimelineEventType.SKIPPED);
        assertThat(move.toStageId()).isEqualTo(technical.id());
        assertThat(move.reason()).isEqualTo("strong portfolio");
    }

    @Test
    void theHiredStageIsEnteredOnlyByHiringFromTheStageBeforeIt() {
        assertRefused(in(offer, ApplicationStatus.ACTIVE), action(TransitionAction.ADVANCE), "error.move.advanceIntoHired");
        assertRefused(in(offer, ApplicationStatus.ACTIVE), new Transition(TransitionAction.SKIP, null, null, "x", 0L),
                "error.move.skipIntoHired");
        assertRefused(in(screening, ApplicationStatus.ACTIVE), new Transition(TransitionAction.MOVE,
                hired.id().value(), null, null, 0L), "error.move.moveIntoHired");
        assertRefused(in(technical, ApplicationStatus.ACTIVE), action(TransitionAction.HIRE),
                "error.move.hireOnlyFromLast");
        var hire = in(offer, ApplicationStatus.ACTIVE).decide(action(TransitionAction.HIRE), job, code -> true);
        assertThat(hire.toStageId()).isEqualTo(hired.id());
        assertThat(hire.status()).isEqualTo(ApplicationStatus.HIRED);
    }

    @Test
    void endedApplicationsDoNotMoveUntilReopened() {
        for (ApplicationStatus ended : List.of(ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)) {
            var application = in(technical, ended);
            assertRefused(application, action(TransitionAction.ADVANCE), "error.move.notActive");
            assertRefused(application, new Transition(TransitionAction.REJECT, null, null, "x", 0L), "error.move.notOpen");
            assertThat(application.decide(action(TransitionAction.REOPEN), job, code -> true).status())
                    .isEqualTo(ApplicationStatus.ACTIVE);
        }
        assertRefused(in(hired, ApplicationStatus.HIRED), action(TransitionAction.REOPEN), "error.move.notReopenable");
        assertRefused(in(technical, ApplicationStatus.ON_HOLD), action(TransitionAction.ADVANCE), "error.move.notActive");
        assertThat(in(technical, ApplicationStatus.ON_HOLD).decide(action(TransitionAction.WITHDRAW), job, code -> true)
                .status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    void rejectingNeedsAReasonFromTheOrganizationsListOrInWords() {
        var application = in(technical, ApplicationStatus.ACTIVE);
        assertThatThrownBy(() -> application.decide(action(TransitionAction.REJECT), job, code -> true))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> application.decide(new Transition(TransitionAction.REJECT, null, "MADE_UP", null, 0L),
                job, code -> false)).isInstanceOf(InvalidInputException.class);
        var move = application.decide(new Transition(TransitionAction.REJECT, null, "EXPERIENCE", "too junior", 0L),
                job, "EXPERIENCE"::equals);
        assertThat(move.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(move.toStageId()).isEqualTo(technical.id());
        assertThat(move.reasonCode()).isEqualTo("EXPERIENCE");
    }

    @Test
    void movingGoesToAnotherStageOfTheSameJob() {
        var application = in(technical, ApplicationStatus.ACTIVE);
        assertThat(application.decide(new Transition(TransitionAction.MOVE, assignment.id().value(), null, null, 0L),
                job, code -> true).toStageId()).isEqualTo(assignment.id());
        assertRefused(application, new Transition(TransitionAction.MOVE, technical.id().value(), null, null, 0L),
                "error.move.sameStage");
        assertThatThrownBy(() -> application.decide(new Transition(TransitionAction.MOVE, UUID.randomUUID(), null,
                null, 0L), job, code -> true)).isInstanceOf(InvalidInputException.class);
    }

    private static void assertRefused(JobApplication application, Transition transition, String code) {
        assertThatThrownBy(() -> application.decide(transition, STORY, c -> true))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo(code));
    }

    private static JobApplication in(Stage stage, ApplicationStatus status) {
        return new JobApplication(new JobApplicationId(UUID.randomUUID()), stage.id(), status, 0);
    }

    private static Transition action(TransitionAction action) {
        return new Transition(action, null, null, null, 0L);
    }

    private static Job buildStory() {
        List<Stage> stages = new ArrayList<>();
        StageKind[] kinds = {StageKind.REVIEW, StageKind.ASSIGNMENT, StageKind.INTERVIEW, StageKind.INTERVIEW,
                StageKind.OFFER, StageKind.HIRED};
        for (int i = 0; i < kinds.length; i++) {
            stages.add(new Stage(new StageId(UUID.randomUUID()), i + 1, kinds[i], "Stage " + (i + 1), "단계", "Stage",
                    7));
        }
        return new Job(new JobId(UUID.randomUUID()), new OrganizationId(UUID.randomUUID()), "DevOps Engineer", null,
                List.of(), EmploymentType.FULL_TIME, "", 1, JobStatus.OPEN, Instant.now(), Instant.now(), 0, stages,
                List.of());
    }
}
