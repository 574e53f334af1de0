package io.hireflow.jobs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;

/**
 * What makes a pipeline valid: at least one stage before hiring, exactly one {@code HIRED} stage and it comes last,
 * no stage named twice.
 */
final class PipelineRules {

    static final int MAX_STAGES = 20;

    private PipelineRules() {
    }

    static List<StagePlan> check(List<StagePlan> plans) {
        List<FieldProblem> problems = new ArrayList<>();
        if (plans == null || plans.size() < 2) {
            throw new InvalidInputException("stages", "validation.pipeline.tooShort");
        }
        if (plans.size() > MAX_STAGES) {
            throw new InvalidInputException("stages", "validation.pipeline.tooLong", MAX_STAGES);
        }
        List<StagePlan> normalized = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            StagePlan plan = plans.get(i);
            String field = "stages[" + i + "]";
            if (plan == null || plan.name() == null || plan.name().isBlank()) {
                problems.add(new FieldProblem(field + ".name", "validation.required"));
                continue;
            }
            if (plan.kind() == null) {
                problems.add(new FieldProblem(field + ".kind", "validation.required"));
                continue;
            }
            StagePlan stage = plan.normalized();
            if (!names.add(stage.name().toLowerCase())) {
                problems.add(new FieldProblem(field + ".name", "validation.pipeline.duplicateName", stage.name()));
            }
            if (stage.id() != null && !ids.add(stage.id())) {
                problems.add(new FieldProblem(field + ".id", "validation.pipeline.duplicateId"));
            }
            boolean last = i == plans.size() - 1;
            if (stage.kind() == StageKind.HIRED && !last) {
                problems.add(new FieldProblem(field + ".kind", "validation.pipeline.hiredNotLast"));
            }
            if (last && stage.kind() != StageKind.HIRED) {
                problems.add(new FieldProblem(field + ".kind", "validation.pipeline.lastNotHired"));
            }
            normalized.add(stage);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return normalized;
    }
}
