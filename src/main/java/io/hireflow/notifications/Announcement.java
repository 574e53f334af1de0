package io.hireflow.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A bulk result announcement and how far it has come. {@code total} messages were written ({@code passed} and
 * {@code failed}); {@code skipped} candidates had already been told this stage's result. The delivery counts add up to
 * the total; it is done when every message is written ({@code writing} false; until then the counts are those
 * planned) and nothing is left waiting.
 */
public record Announcement(UUID id, UUID jobId, UUID stageId, MessageEvent passEvent, MessageEvent failEvent,
        Instant sendAt, int total, int passed, int failed, int skipped, Instant createdAt, String createdByName,
        boolean writing, Progress progress) {

    /** Where the announcement's messages are. */
    public record Progress(int waiting, int sent, int deferred, int dead, int cancelled) {

        public int percent(int total) {
            return total == 0 ? 100 : (int) Math.floor(100.0 * (sent + dead + cancelled) / total);
        }
    }

    public boolean done() {
        return !writing && progress.waiting() == 0 && progress.deferred() == 0;
    }

    public int percent() {
        return progress.percent(total);
    }
}
