package io.hireflow.offers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An offer with its whole thread: every version (who proposed it, its terms, what changed from the version before,
 * its message, its approval and when it was sent) and every event (approvals, sending, answers, expiry, extension,
 * withdrawal), oldest first. Seen by staff who decide; the candidate sees {@link CandidateOffer}.
 */
public record Offer(UUID id, UUID applicationId, UUID jobId, String jobTitle, String candidateName, OfferStatus status,
        Integer sentVersion, Instant expiresAt, DeclineReason declineReason, String declineNote, String withdrawReason,
        Instant createdAt, String createdByName, Instant closedAt, long version, List<Version> versions,
        List<Event> events) {

    /** The latest version. */
    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    /** The version the candidate has in hand, if one was sent. */
    public Version sent() {
        return versions.stream().filter(version -> version.byCompany() && sentVersion != null
                && version.number() == sentVersion).findFirst().orElse(null);
    }

    /** The number of the company's latest version. */
    public int lastNumber() {
        return versions.stream().filter(Version::byCompany).mapToInt(Version::number).max().orElse(0);
    }

    /**
     * One entry of the thread: the company's version {@code number}, or (proposed by CANDIDATE) the candidate's
     * counter-proposal to version {@code number}. {@code changes} are against the entry before it, or for a
     * counter-proposal against the version it answers; empty for the first.
     */
    public record Version(int number, String proposedBy, String proposedByName, Instant proposedAt, OfferTerms terms,
            List<OfferTerms.Change> changes, String message, Approval approval, Approval.Reason approvalReason,
            String decidedByName, Instant decidedAt, String decisionNote, Instant sentAt, boolean hasLetter) {

        public boolean byCompany() {
            return "COMPANY".equals(proposedBy);
        }

        /** What changed of {@code field} from the version before, or null when it did not. */
        public OfferTerms.Change change(String field) {
            return changes.stream().filter(change -> change.field().equals(field)).findFirst().orElse(null);
        }

        /** A term as the pages show it in {@code language} (ko or en); an empty one as a dash. */
        public String shown(String field, String language) {
            return OfferLetters.format(field, terms.value(field), language);
        }
    }

    /** Something that happened to the offer: its kind, the version it concerns, who, and their note. */
    public record Event(Instant at, String kind, Integer version, String actorName, String note) {
    }

    /** A line of the organization's list of offers. */
    public record Summary(UUID id, UUID applicationId, UUID jobId, String jobTitle, String candidateName,
            OfferStatus status, int versions, Integer sentVersion, Instant expiresAt, DeclineReason declineReason,
            String declineNote, Instant createdAt, Instant closedAt) {
    }
}
