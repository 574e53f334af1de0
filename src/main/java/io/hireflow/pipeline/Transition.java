package io.hireflow.pipeline;

import java.util.UUID;

/**
 * A requested move of one application. {@code version} is the version the requester saw; a different current
 * version means someone else changed the application meanwhile, and the move is refused.
 *
 * @param toStageId  the target stage of {@code MOVE}
 * @param reasonCode one of the organization's rejection reasons, for {@code REJECT}
 * @param reason     free text: required for {@code SKIP}, and for {@code REJECT} unless a reason code is given
 */
public record Transition(TransitionAction action, UUID toStageId, String reasonCode, String reason, Long version) {
}
