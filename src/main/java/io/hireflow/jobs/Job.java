package io.hireflow.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.hireflow.shared.OrganizationId;

/** A job opening with its pipeline (in order) and hiring team. */
public record Job(JobId id, OrganizationId organizationId, String title, String team, List<String> locations,
        EmploymentType employmentType, String description, int headcount, JobStatus status, Instant createdAt,
        Instant updatedAt, long version, List<Stage> stages, List<HiringTeamMember> hiringTeam) {

    public Optional<Stage> stage(StageId stageId) {
        return stages.stream().filter(stage -> stage.id().equals(stageId)).findFirst();
    }

    public Stage firstStage() {
        return stages.get(0);
    }

    /** The stage after the given one, if any. */
    public Optional<Stage> next(Stage stage) {
        int index = stages.indexOf(stage);
        return index >= 0 && index + 1 < stages.size() ? Optional.of(stages.get(index + 1)) : Optional.empty();
    }

    public List<HiringTeamMember> team(TeamRole role) {
        return hiringTeam.stream().filter(member -> member.role() == role).toList();
    }
}
