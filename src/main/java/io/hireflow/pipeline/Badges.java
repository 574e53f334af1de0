package io.hireflow.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.hireflow.shared.OrganizationId;

/** Gathers the badges every {@link ApplicationBadges} has for some applications, in the beans' order. */
@Component
class Badges {

    private final ObjectProvider<ApplicationBadges> sources;

    Badges(ObjectProvider<ApplicationBadges> sources) {
        this.sources = sources;
    }

    Map<JobApplicationId, List<ApplicationBadge>> of(OrganizationId organization,
            Collection<JobApplicationId> applications) {
        Map<JobApplicationId, List<ApplicationBadge>> all = new HashMap<>();
        if (applications.isEmpty()) {
            return all;
        }
        sources.orderedStream().forEach(source -> source.badges(organization, applications)
                .forEach((id, badge) -> all.computeIfAbsent(id, key -> new ArrayList<>()).add(badge)));
        return all;
    }

    /** The badges of the cards of these columns. */
    Map<JobApplicationId, List<ApplicationBadge>> of(OrganizationId organization, List<BoardColumn> columns) {
        return of(organization, columns.stream().flatMap(column -> column.cards().stream()).map(BoardCard::id)
                .toList());
    }
}
