package io.hireflow.assessments;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.hireflow.assessments.Assignments.Current;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.pipeline.ApplicationBadge;
import io.hireflow.pipeline.ApplicationBadge.Tone;
import io.hireflow.pipeline.ApplicationBadges;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.shared.OrganizationId;

/**
 * An application's assignment on its board card and page: to be released (active in a stage with an assignment it does
 * not have yet), scheduled (for when, in the organization's zone), released
 * (due when), handed in (late or not, with how many reviews are in), reviewed, waived, expired or not released. A
 * whole board costs the statement of {@link Assignments#toRelease}, the two of {@link Assignments#current} and, when
 * it shows any assignment, the look-up of the organization's time zone.
 */
@Component
class AssignmentBadges implements ApplicationBadges {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Assignments assignments;
    private final IdentityManagement identity;

    AssignmentBadges(Assignments assignments, IdentityManagement identity) {
        this.assignments = assignments;
        this.identity = identity;
    }

    @Override
    public Map<JobApplicationId, ApplicationBadge> badges(OrganizationId organization,
            Collection<JobApplicationId> applications) {
        List<UUID> ids = applications.stream().map(JobApplicationId::value).toList();
        Map<UUID, Current> found = assignments.current(organization, ids);
        Map<JobApplicationId, ApplicationBadge> badges = new HashMap<>();
        // an application waiting for its assignment's release: the recruiter's to do, with the panel's release form
        assignments.toRelease(organization, ids).forEach(application -> badges.put(new JobApplicationId(application),
                new ApplicationBadge("assignment.badge.TO_RELEASE", List.of(), Tone.ATTENTION,
                        "/applications/" + application + "/assignment")));
        if (found.isEmpty()) {
            return badges;
        }
        ZoneId zone = identity.organization(organization).timeZone();
        found.forEach((application, current) -> badges.put(new JobApplicationId(application),
                badge(current, zone)));
        return badges;
    }

    private static ApplicationBadge badge(Current current, ZoneId zone) {
        String panel = "/applications/" + current.applicationId() + "/assignment";
        String code = "assignment.badge." + current.state().name();
        return switch (current.state()) {
            case SCHEDULED -> new ApplicationBadge(code, List.of(at(current.releaseAt(), zone)), Tone.WAITING, panel);
            case RELEASED -> new ApplicationBadge(code, List.of(at(current.dueAt(), zone)), Tone.WAITING, panel);
            case SUBMITTED -> new ApplicationBadge(current.late() ? code + ".late" : code,
                    List.of(String.valueOf(current.reviewed()), String.valueOf(current.reviewers())),
                    Tone.ATTENTION, panel);
            case REVIEWED -> new ApplicationBadge(current.late() ? code + ".late" : code, List.of(), Tone.DONE, panel);
            case EXPIRED -> new ApplicationBadge(code, List.of(at(current.dueAt(), zone)), Tone.WARNING, panel);
            case NOT_RELEASED -> new ApplicationBadge(code, List.of(), Tone.WARNING, panel);
            case WAIVED -> new ApplicationBadge(code, List.of(), Tone.MUTED, panel);
        };
    }

    private static String at(java.time.Instant instant, ZoneId zone) {
        return MINUTE.format(instant.atZone(zone));
    }
}
