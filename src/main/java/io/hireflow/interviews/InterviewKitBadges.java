package io.hireflow.interviews;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.pipeline.ApplicationBadge;
import io.hireflow.pipeline.ApplicationBadge.Tone;
import io.hireflow.pipeline.ApplicationBadges;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.shared.OrganizationId;

/**
 * An application's latest interview on its board card and page: when it is (scheduled, to come), slots offered, or,
 * once it has begun, how many of the panel's scorecards are in. The details (each interview with its kit and its
 * scorecards) load from {@code /applications/{id}/interview-kits}. A whole board costs one statement, and the time
 * zone's look-up when a time is shown.
 */
@Component
class InterviewKitBadges implements ApplicationBadges {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Scorecards scorecards;
    private final IdentityManagement identity;
    private final java.time.Clock clock;

    InterviewKitBadges(Scorecards scorecards, IdentityManagement identity, java.time.Clock clock) {
        this.scorecards = scorecards;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public Map<JobApplicationId, ApplicationBadge> badges(OrganizationId organization,
            Collection<JobApplicationId> applications) {
        Map<JobApplicationId, ApplicationBadge> badges = new HashMap<>();
        List<Scorecards.Tally> tallies = scorecards.tallies(organization,
                applications.stream().map(JobApplicationId::value).toList());
        if (tallies.isEmpty()) {
            return badges;
        }
        ZoneId zone = identity.organization(organization).timeZone();
        Instant now = clock.instant();
        for (Scorecards.Tally tally : tallies) {
            JobApplicationId application = new JobApplicationId(tally.applicationId());
            if (badges.containsKey(application)) {
                continue; // the latest interview speaks for the application
            }
            String panel = "/applications/" + tally.applicationId() + "/interview-kits";
            ApplicationBadge badge;
            if (tally.status() == InterviewStatus.OFFERED) {
                badge = new ApplicationBadge("kit.badge.offered", List.of(), Tone.WAITING, panel);
            } else if (tally.startsAt().isAfter(now)) {
                badge = new ApplicationBadge("kit.badge.scheduled", List.of(MINUTE.format(tally.startsAt()
                        .atZone(zone))), Tone.WAITING, panel);
            } else {
                badge = new ApplicationBadge("kit.badge.scorecards", List.of(String.valueOf(tally.submitted()),
                        String.valueOf(tally.panel())), tally.submitted() < tally.panel() ? Tone.ATTENTION
                        : Tone.DONE, panel);
            }
            badges.put(application, badge);
        }
        return badges;
    }
}
