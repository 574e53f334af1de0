package io.hireflow.pipeline;

import java.util.Collection;
import java.util.Map;

import io.hireflow.shared.OrganizationId;

/**
 * Implemented by modules downstream of the pipeline (assessments, interviews…) that have something to say about
 * applications on their board cards and pages; the pipeline cannot depend on them, so it asks every implementation.
 * The board asks once for all the cards it shows, so an implementation answers a whole board in a constant number of
 * statements, never one per card.
 */
public interface ApplicationBadges {

    /**
     * The badge of each of these applications that has one. Applications of another organization, and ones without
     * anything to say, are left out.
     */
    Map<JobApplicationId, ApplicationBadge> badges(OrganizationId organization,
            Collection<JobApplicationId> applications);
}
