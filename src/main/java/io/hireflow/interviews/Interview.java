package io.hireflow.interviews;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An interview of an application: what, how long, how it is held and where, when (null while slots are offered), its
 * panel, the slots offered (each with whether it is still free for the whole panel), and the iCalendar {@code
 * sequence} of its latest invites.
 */
public record Interview(UUID id, UUID applicationId, UUID stageId, String title, InterviewKind kind,
        int durationMinutes, InterviewFormat format, String location, String videoLink, Instant startsAt,
        Instant endsAt, InterviewStatus status, int sequence, String cancelReason, List<Panelist> panel,
        List<Slot> slots, long version) {

    /** Whether any offered slot is still free for the whole panel. */
    public boolean anySlotFree() {
        return slots.stream().anyMatch(Slot::available);
    }

    /** The panel's members, in order. */
    public List<UUID> panelIds() {
        return panel.stream().map(Panelist::userId).toList();
    }

    /** A member's role on the panel. */
    public String panelRole(UUID userId) {
        return panel.stream().filter(member -> member.userId().equals(userId)).map(Panelist::panelRole).findFirst()
                .orElseThrow();
    }

    /** A member of the panel and their role on it (group lead, HR, …). */
    public record Panelist(UUID userId, String name, String email, String panelRole) {
    }

    /** An offered time, and whether every panelist is still free then. */
    public record Slot(UUID id, Instant startsAt, boolean available) {
    }
}
