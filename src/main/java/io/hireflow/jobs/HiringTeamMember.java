package io.hireflow.jobs;

import java.util.UUID;

public record HiringTeamMember(UUID userId, String name, TeamRole role) {
}
