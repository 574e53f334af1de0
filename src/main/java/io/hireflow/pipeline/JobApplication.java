package io.hireflow.pipeline;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import io.hireflow.jobs.Job;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageId;
import io.hireflow.jobs.StageKind;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;

/**
 * An application's position in its job's pipeline, and the rules of every move. {@link #decide} checks a move
 * against the current state and says where it leads, or refuses it with the reason.
 */
record JobApplication(JobApplicationId id, StageId stageId, ApplicationStatus status, long version) {

    private static final Set<ApplicationStatus> REOPENABLE = EnumSet.of(ApplicationStatus.ON_HOLD,
            ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN);

    /** Where a move leads: the stage and status after it, and what the timeline records. */
    record Move(TimelineEventType type, StageId fromStageId, StageId toStageId, ApplicationStatus status,
            String reasonCode, String reason) {

        boolean changesStage() {
            return !fromStageId.equals(toStageId);
        }
    }

    /**
     * Checks the move and returns its outcome. Throws {@link InvalidInputException} for a request that is incomplete
     * (a missing reason or target) and {@link ConflictException} for a move the application's state does not allow.
     *
     * @param validReasonCode whether a given rejection reason code is one of the organization's active reasons
     */
    Move decide(Transition transition, Job job, Predicate<String> validReasonCode) {
        if (transition.action() == null) {
            throw new InvalidInputException("action", "validation.required");
        }
        Stage current = job.stage(stageId).orElseThrow();
        String reason = blankToNull(transition.reason());
        String reasonCode = blankToNull(transition.reasonCode());
        return switch (transition.action()) {
            case ADVANCE -> {
                requireActive(transition.action());
                Stage next = nextBeforeHired(job, current, "error.move.advanceIntoHired");
                yield move(TimelineEventType.ADVANCED, next, ApplicationStatus.ACTIVE, null, reason);
            }
            case MOVE -> {
                requireActive(transition.action());
                if (transition.toStageId() == null) {
                    throw new InvalidInputException("toStageId", "validation.required");
                }
                Stage target = job.stage(new StageId(transition.toStageId()))
                        .orElseThrow(() -> new InvalidInputException("toStageId", "validation.move.foreignStage"));
                if (target.equals(current)) {
                    throw new ConflictException("error.move.sameStage", current.name());
                }
                if (target.kind() == StageKind.HIRED) {
                    throw new ConflictException("error.move.moveIntoHired");
                }
                yield move(TimelineEventType.MOVED, target, ApplicationStatus.ACTIVE, null, reason);
            }
            case SKIP -> {
                requireActive(transition.action());
                if (reason == null) {
                    throw new InvalidInputException("reason", "validation.move.reasonRequired");
                }
                Stage next = nextBeforeHired(job, current, "error.move.skipIntoHired");
                yield move(TimelineEventType.SKIPPED, next, ApplicationStatus.ACTIVE, null, reason);
            }
            case REJECT -> {
                if (!status.open()) {
                    throw new ConflictException("error.move.notOpen", status);
                }
                if (reasonCode == null && reason == null) {
                    throw new InvalidInputException("reasonCode", "validation.move.rejectReasonRequired");
                }
                if (reasonCode != null && !validReasonCode.test(reasonCode)) {
                    throw new InvalidInputException("reasonCode", "validation.move.unknownReason", reasonCode);
                }
                yield move(TimelineEventType.REJECTED, current, ApplicationStatus.REJECTED, reasonCode, reason);
            }
            case HOLD -> {
                requireActive(transition.action());
                yield move(TimelineEventType.HELD, current, ApplicationStatus.ON_HOLD, null, reason);
            }
            case REOPEN -> {
                if (!REOPENABLE.contains(status)) {
                    throw new ConflictException("error.move.notReopenable", status);
                }
                yield move(TimelineEventType.REOPENED, current, ApplicationStatus.ACTIVE, null, reason);
            }
            case WITHDRAW -> {
                if (!status.open()) {
                    throw new ConflictException("error.move.notOpen", status);
                }
                yield move(TimelineEventType.WITHDRAWN, current, ApplicationStatus.WITHDRAWN, null, reason);
            }
            case HIRE -> {
                requireActive(transition.action());
                Stage next = job.next(current).filter(stage -> stage.kind() == StageKind.HIRED)
                        .orElseThrow(() -> new ConflictException("error.move.hireOnlyFromLast",
                                job.stages().get(job.stages().size() - 2).name()));
                yield move(TimelineEventType.HIRED, next, ApplicationStatus.HIRED, null, reason);
            }
        };
    }

    private Move move(TimelineEventType type, Stage to, ApplicationStatus newStatus, String reasonCode, String reason) {
        return new Move(type, stageId, to.id(), newStatus, reasonCode, reason);
    }

    private void requireActive(TransitionAction action) {
        if (status != ApplicationStatus.ACTIVE) {
            throw new ConflictException("error.move.notActive", action, status);
        }
    }

    /** The stage after the current one; the pipeline always ends with {@code HIRED}, so every other stage has one. */
    private static Stage nextBeforeHired(Job job, Stage current, String intoHiredCode) {
        if (current.kind() == StageKind.HIRED) {
            throw new ConflictException("error.move.alreadyHired");
        }
        Stage next = job.next(current).orElseThrow();
        if (next.kind() == StageKind.HIRED) {
            throw new ConflictException(intoHiredCode);
        }
        return next;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
