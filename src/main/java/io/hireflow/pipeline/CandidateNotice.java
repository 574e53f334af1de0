package io.hireflow.pipeline;

import java.time.Instant;

/**
 * Whether and when the candidate is told about a move: as the stage's default says, now, at a chosen minute, or not
 * at all (which needs a reason, kept with the decision).
 */
public record CandidateNotice(Mode mode, Instant sendAt, String reason) {

    public enum Mode {
        DEFAULT, NOW, AT, NONE
    }

    public static final CandidateNotice DEFAULT = new CandidateNotice(Mode.DEFAULT, null, null);

    public CandidateNotice {
        mode = mode == null ? Mode.DEFAULT : mode;
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
