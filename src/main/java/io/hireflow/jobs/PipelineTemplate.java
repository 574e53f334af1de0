package io.hireflow.jobs;

import java.util.List;
import java.util.UUID;

/** A reusable pipeline an organization copies into new jobs. */
public record PipelineTemplate(UUID id, String name, boolean isDefault, long version, List<StagePlan> stages) {
}
