package io.hireflow.assessments;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.pipeline.ApplicationBadge;
import io.hireflow.pipeline.ApplicationBadge.Tone;
import io.hireflow.pipeline.ApplicationBadges;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.shared.OrganizationId;

/**
 * An application's online test on its board card and page: invited, taking it (until when), its score once graded
 * (or the essays still to grade), timed out, or missed. A whole board costs one statement, and the look-up of the
 * organization's zone when someone is taking the test.
 */
@Component
class OnlineTestBadges implements ApplicationBadges {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final OnlineTests tests;
    private final IdentityManagement identity;

    OnlineTestBadges(OnlineTests tests, IdentityManagement identity) {
        this.tests = tests;
        this.identity = identity;
    }

    @Override
    public Map<JobApplicationId, ApplicationBadge> badges(OrganizationId organization,
            Collection<JobApplicationId> applications) {
        Map<UUID, OnlineTests.Standing> found = tests.standings(organization,
                applications.stream().map(JobApplicationId::value).toList());
        Map<JobApplicationId, ApplicationBadge> badges = new HashMap<>();
        ZoneId zone = found.values().stream().anyMatch(s -> s.state() == SittingState.IN_PROGRESS)
                ? identity.organization(organization).timeZone() : null;
        found.forEach((application, standing) -> badges.put(new JobApplicationId(application),
                badge(standing, zone)));
        return badges;
    }

    private static ApplicationBadge badge(OnlineTests.Standing standing, ZoneId zone) {
        String code = "onlineTests.badge." + standing.state().name();
        if (standing.essaysToGrade() > 0) {
            return new ApplicationBadge("onlineTests.badge.essays", List.of(String.valueOf(standing.essaysToGrade())),
                    Tone.ATTENTION, null);
        }
        return switch (standing.state()) {
            case INVITED -> new ApplicationBadge(code, List.of(), Tone.WAITING, null);
            case IN_PROGRESS -> new ApplicationBadge(code, List.of(MINUTE.format(standing.deadlineAt().atZone(zone))),
                    Tone.WAITING, null);
            case SUBMITTED, TIMED_OUT -> standing.percent() == null
                    ? new ApplicationBadge("onlineTests.badge.ended", List.of(), Tone.ATTENTION, null)
                    : new ApplicationBadge(code, List.of(standing.percent().toPlainString()), Tone.DONE, null);
            case MISSED -> new ApplicationBadge(code, List.of(), Tone.WARNING, null);
        };
    }
}
