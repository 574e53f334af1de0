package io.hireflow.offers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An offer as its candidate sees it in the portal: the versions sent to them and their own counter-proposals (never a
 * draft, an approval or a note of the company's), each with what changed from the one before it in this list, the
 * version in hand and until when, and what they can do now.
 */
public record CandidateOffer(UUID id, UUID applicationId, String organizationName, String jobTitle,
        OfferStatus status, Integer sentVersion, Instant expiresAt, DeclineReason declineReason, String declineNote,
        List<Offer.Version> versions, boolean canAnswer, boolean counterWaiting) {

    /** The version in hand. */
    public Offer.Version sent() {
        return versions.stream().filter(version -> version.byCompany() && sentVersion != null
                && version.number() == sentVersion).findFirst().orElse(null);
    }
}
