package io.hireflow.offers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.hireflow.pipeline.ApplicationBadge;
import io.hireflow.pipeline.ApplicationBadge.Tone;
import io.hireflow.pipeline.ApplicationBadges;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.shared.OrganizationId;

/**
 * An application's latest offer on its board card and page: a draft, waiting for approval, with the candidate, a
 * counter-proposal to answer, or how it ended. No amount is in a badge (interviewers see them); the details load from
 * {@code /applications/{id}/offer-panel}. A whole board costs one statement.
 */
@Component
class OfferBadges implements ApplicationBadges {

    private final JdbcClient jdbc;

    OfferBadges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<JobApplicationId, ApplicationBadge> badges(OrganizationId organization,
            Collection<JobApplicationId> applications) {
        Map<JobApplicationId, ApplicationBadge> badges = new HashMap<>();
        if (applications.isEmpty()) {
            return badges;
        }
        jdbc.sql("""
                select distinct on (o.application_id) o.application_id, o.status, o.sent_version, v.number,
                       v.proposed_by, v.approval, v.sent_at is not null as sent
                from offer o
                join lateral (select * from offer_version v where v.offer_id = o.id order by v.position desc limit 1)
                  v on true
                where o.organization_id = ? and o.application_id = any(?)
                order by o.application_id, o.id desc""")
                .params(organization.value(), applications.stream().map(JobApplicationId::value)
                        .toArray(UUID[]::new))
                .query(rs -> {
                    UUID application = rs.getObject("application_id", UUID.class);
                    OfferStatus status = OfferStatus.valueOf(rs.getString("status"));
                    String version = String.valueOf(rs.getInt("number"));
                    ApplicationBadge badge = switch (status) {
                        case OPEN -> !"COMPANY".equals(rs.getString("proposed_by"))
                                ? badge("offers.badge.countered", version, Tone.ATTENTION, application)
                                : "PENDING".equals(rs.getString("approval"))
                                        ? badge("offers.badge.approval", version, Tone.ATTENTION, application)
                                        : rs.getBoolean("sent")
                                                ? badge("offers.badge.sent", version, Tone.WAITING, application)
                                                : badge("offers.badge.draft", version, Tone.ATTENTION, application);
                        case ACCEPTED -> badge("offers.badge.accepted", version, Tone.DONE, application);
                        case EXPIRED -> badge("offers.badge.expired", version, Tone.WARNING, application);
                        case DECLINED -> badge("offers.badge.declined", version, Tone.MUTED, application);
                        case WITHDRAWN -> badge("offers.badge.withdrawn", version, Tone.MUTED, application);
                    };
                    badges.put(new JobApplicationId(application), badge);
                });
        return badges;
    }

    private static ApplicationBadge badge(String code, String version, Tone tone, UUID application) {
        return new ApplicationBadge(code, List.of(version), tone, "/applications/" + application + "/offer-panel");
    }
}
