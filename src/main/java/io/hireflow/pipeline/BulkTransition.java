package io.hireflow.pipeline;

import java.util.List;
import java.util.UUID;

/**
 * A move for many applications: those named by id, or else every application of a job that matches a filter (a
 * stage, a status; {@code ACTIVE} by default). Only {@code ADVANCE}, {@code MOVE} and {@code REJECT}.
 */
public record BulkTransition(TransitionAction action, List<UUID> applicationIds, UUID jobId, UUID stageId,
        ApplicationStatus status, UUID toStageId, String reasonCode, String reason) {
}
