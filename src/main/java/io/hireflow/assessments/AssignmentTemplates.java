package io.hireflow.assessments;

import static io.hireflow.assessments.FieldChecks.blankToNull;
import static io.hireflow.assessments.FieldChecks.choice;
import static io.hireflow.assessments.FieldChecks.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.assessments.AssignmentTemplate.Criterion;
import io.hireflow.assessments.AssignmentTemplate.LatePolicy;
import io.hireflow.assessments.AssignmentTemplate.Submission;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.StaffUserView;
import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageKind;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * The jobs' assignment templates: one per {@code ASSIGNMENT} stage, checked whole (the stage is the job's and an
 * assignment stage, the reviewers are the organization's staff, the rubric has one to ten criteria) before it is
 * stored; a change needs the version it was made on.
 */
@Service
public class AssignmentTemplates {

    static final int MAX_TITLE = 200;
    static final int MAX_INSTRUCTIONS = 20_000;
    static final int MAX_URL = 500;
    static final int MAX_HOURS = 720;
    static final int MAX_REVIEWERS = 10;
    static final int MAX_CRITERIA = 10;
    static final int MAX_CRITERION = 100;
    static final int MAX_DESCRIPTION = 1_000;
    static final int MAX_SCORE = 100;

    private final JdbcClient jdbc;
    private final JobManagement jobs;
    private final IdentityManagement identity;
    private final Clock clock;

    AssignmentTemplates(JdbcClient jdbc, JobManagement jobs, IdentityManagement identity, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.identity = identity;
        this.clock = clock;
    }

    /** A template as written, before it is checked: names for the choices, the rubric's lines in order. */
    public record Draft(UUID stageId, String title, String instructions, String resourceUrl, Integer durationHours,
            String submission, String latePolicy, List<UUID> reviewerIds, List<CriterionDraft> criteria) {

        public Draft {
            reviewerIds = reviewerIds == null ? List.of() : reviewerIds;
            criteria = criteria == null ? List.of() : criteria;
        }
    }

    /** A line of the rubric as written. */
    public record CriterionDraft(String name, String description, Integer maxScore) {
    }

    /** Adds the template of one of the job's assignment stages; a stage that has one already is refused (409). */
    @Transactional
    public AssignmentTemplate create(Actor actor, JobId jobId, Draft draft) {
        Job job = jobs.job(actor.organizationId(), jobId);
        Checked checked = check(actor.organizationId(), job, draft);
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        int added = jdbc.sql("""
                insert into assignment_template (id, organization_id, job_id, stage_id, title, instructions,
                    resource_url, duration_hours, submission, late_policy, reviewer_ids, created_at, updated_at)
                values (:id, :org, :job, :stage, :title, :instructions, :url, :hours, :submission, :late,
                        :reviewers, :now, :now)
                on conflict (stage_id) do nothing""")
                .param("id", id).param("org", actor.organizationId().value()).param("job", jobId.value())
                .param("stage", draft.stageId()).param("title", checked.title())
                .param("instructions", checked.instructions()).param("url", checked.resourceUrl())
                .param("hours", checked.durationHours()).param("submission", checked.submission().name())
                .param("late", checked.latePolicy().name())
                .param("reviewers", checked.reviewerIds().toArray(UUID[]::new)).param("now", now)
                .update();
        if (added == 0) {
            throw new ConflictException("error.assignment.exists");
        }
        insertCriteria(id, checked.criteria());
        return template(actor.organizationId(), id);
    }

    /** Replaces a template's content (its stage stays); refuses a stale version with 409. */
    @Transactional
    public AssignmentTemplate update(Actor actor, UUID templateId, Draft draft, long version) {
        AssignmentTemplate before = template(actor.organizationId(), templateId);
        Job job = jobs.job(actor.organizationId(), new JobId(before.jobId()));
        Checked checked = check(actor.organizationId(), job, new Draft(before.stageId(), draft.title(),
                draft.instructions(), draft.resourceUrl(), draft.durationHours(), draft.submission(),
                draft.latePolicy(), draft.reviewerIds(), draft.criteria()));
        int updated = jdbc.sql("""
                update assignment_template set title = :title, instructions = :instructions, resource_url = :url,
                    duration_hours = :hours, submission = :submission, late_policy = :late, reviewer_ids = :reviewers,
                    updated_at = :now, version = version + 1
                where id = :id and organization_id = :org and version = :version""")
                .param("title", checked.title()).param("instructions", checked.instructions())
                .param("url", checked.resourceUrl()).param("hours", checked.durationHours())
                .param("submission", checked.submission().name()).param("late", checked.latePolicy().name())
                .param("reviewers", checked.reviewerIds().toArray(UUID[]::new))
                .param("now", Timestamp.from(clock.instant())).param("id", templateId)
                .param("org", actor.organizationId().value()).param("version", version)
                .update();
        if (updated == 0) {
            throw new ConflictException("error.stale");
        }
        jdbc.sql("delete from assignment_criterion where template_id = ?").param(templateId).update();
        insertCriteria(templateId, checked.criteria());
        return template(actor.organizationId(), templateId);
    }

    @Transactional(readOnly = true)
    public AssignmentTemplate template(OrganizationId organization, UUID templateId) {
        return jdbc.sql("select * from assignment_template where id = ? and organization_id = ?")
                .params(templateId, organization.value()).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("assignmentTemplate"));
    }

    /** The template of a stage, if it has one. */
    @Transactional(readOnly = true)
    public Optional<AssignmentTemplate> forStage(OrganizationId organization, UUID stageId) {
        return jdbc.sql("select * from assignment_template where organization_id = ? and stage_id = ?")
                .params(organization.value(), stageId).query(this::row).optional();
    }

    /** The job's templates, in the order of their stages. */
    @Transactional(readOnly = true)
    public List<AssignmentTemplate> templates(OrganizationId organization, JobId jobId) {
        jobs.job(organization, jobId);
        return jdbc.sql("""
                select t.* from assignment_template t join job_stage s on s.id = t.stage_id
                where t.organization_id = ? and t.job_id = ? order by s.position""")
                .params(organization.value(), jobId.value()).query(this::row).list();
    }

    private record Checked(String title, String instructions, String resourceUrl, int durationHours,
            Submission submission, LatePolicy latePolicy, List<UUID> reviewerIds, List<CriterionDraft> criteria) {
    }

    private Checked check(OrganizationId organization, Job job, Draft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.stageId() == null) {
            problems.add(new FieldProblem("stageId", "validation.required"));
        } else {
            Stage stage = job.stages().stream().filter(s -> s.id().value().equals(draft.stageId())).findFirst()
                    .orElse(null);
            if (stage == null) {
                problems.add(new FieldProblem("stageId", "validation.assignment.stage"));
            } else if (stage.kind() != StageKind.ASSIGNMENT) {
                problems.add(new FieldProblem("stageId", "validation.assignment.notAssignment", stage.name()));
            }
        }
        String title = text(draft.title(), MAX_TITLE, "title", true, problems);
        String instructions = text(draft.instructions(), MAX_INSTRUCTIONS, "instructions", true, problems);
        String url = text(draft.resourceUrl(), MAX_URL, "resourceUrl", false, problems);
        if (url != null && !isWebAddress(url)) {
            problems.add(new FieldProblem("resourceUrl", "validation.url"));
        }
        if (draft.durationHours() == null) {
            problems.add(new FieldProblem("durationHours", "validation.required"));
        } else if (draft.durationHours() < 1 || draft.durationHours() > MAX_HOURS) {
            problems.add(new FieldProblem("durationHours", "validation.assignment.duration", MAX_HOURS));
        }
        Submission submission = choice(Submission.class, draft.submission(), "submission", problems);
        LatePolicy late = choice(LatePolicy.class, draft.latePolicy(), "latePolicy", problems);
        List<UUID> reviewers = List.copyOf(new LinkedHashSet<>(draft.reviewerIds().stream()
                .filter(java.util.Objects::nonNull).toList()));
        if (reviewers.size() > MAX_REVIEWERS) {
            problems.add(new FieldProblem("reviewerIds", "validation.assignment.reviewers", MAX_REVIEWERS));
        } else if (!reviewers.isEmpty()) {
            Set<UUID> staff = identity.users(organization).stream().filter(StaffUserView::enabled)
                    .map(StaffUserView::id).collect(Collectors.toSet());
            if (!staff.containsAll(reviewers)) {
                problems.add(new FieldProblem("reviewerIds", "validation.assignment.reviewer"));
            }
        }
        List<CriterionDraft> criteria = draft.criteria();
        if (criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
            problems.add(new FieldProblem("criteria", "validation.assignment.criteria", MAX_CRITERIA));
        } else {
            for (int i = 0; i < criteria.size(); i++) {
                CriterionDraft criterion = criteria.get(i);
                String field = "criteria[" + i + "].";
                if (criterion == null) {
                    problems.add(new FieldProblem(field + "name", "validation.required"));
                    continue;
                }
                text(criterion.name(), MAX_CRITERION, field + "name", true, problems);
                text(criterion.description(), MAX_DESCRIPTION, field + "description", false, problems);
                if (criterion.maxScore() == null || criterion.maxScore() < 1 || criterion.maxScore() > MAX_SCORE) {
                    problems.add(new FieldProblem(field + "maxScore", "validation.assignment.maxScore", MAX_SCORE));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(title, instructions, url, draft.durationHours(), submission, late, reviewers, criteria);
    }

    private void insertCriteria(UUID templateId, List<CriterionDraft> criteria) {
        for (int i = 0; i < criteria.size(); i++) {
            CriterionDraft criterion = criteria.get(i);
            jdbc.sql("""
                    insert into assignment_criterion (id, template_id, position, name, description, max_score)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(Ids.newId(), templateId, i, criterion.name().strip(), blankToNull(criterion.description()),
                            criterion.maxScore())
                    .update();
        }
    }

    static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !text.chars().anyMatch(Character::isWhitespace);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private AssignmentTemplate row(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Criterion> criteria = jdbc.sql("""
                select id, name, description, max_score from assignment_criterion where template_id = ?
                order by position""")
                .param(id)
                .query((c, n) -> new Criterion(c.getObject("id", UUID.class), c.getString("name"),
                        c.getString("description"), c.getInt("max_score")))
                .list();
        return new AssignmentTemplate(id, rs.getObject("job_id", UUID.class), rs.getObject("stage_id", UUID.class),
                rs.getString("title"), rs.getString("instructions"), rs.getString("resource_url"),
                rs.getInt("duration_hours"), Submission.valueOf(rs.getString("submission")),
                LatePolicy.valueOf(rs.getString("late_policy")),
                List.of((UUID[]) rs.getArray("reviewer_ids").getArray()), criteria,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
