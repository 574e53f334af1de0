package io.hireflow.pipeline;

import java.time.Instant;
import java.util.UUID;

import io.hireflow.jobs.StageId;

/** One immutable entry of an application's timeline: what, from which stage to which, who, when, why. */
public record TimelineEntry(long id, TimelineEventType type, StageId fromStageId, StageId toStageId, UUID actorId,
        String actorName, Instant at, String reasonCode, String reason) {
}
