package io.hireflow.jobs;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.Actor;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.OrganizationId;

/**
 * The questions each job asks on its apply form. Staff set the whole list at once, in order; a question that asks
 * what the Fair Hiring Procedure Act (Art. 4-3) forbids is refused beside its field ({@link ForbiddenQuestions}), so
 * it never reaches a candidate. A change publishes {@link JobManagement.JobChanged}, so a published job gets a new
 * posting revision with the new questions.
 */
@Service
public class JobQuestions {

    static final int MAX_QUESTIONS = 30;
    static final int MAX_TEXT = 500;
    static final int MAX_CHOICES = 20;
    static final int MAX_CHOICE = 100;

    private final JdbcClient jdbc;
    private final JobManagement jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JobQuestions(JdbcClient jdbc, JobManagement jobs, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** The job's questions in the order the form asks them; a job of another organization is not found. */
    @Transactional(readOnly = true)
    public List<JobQuestion> list(OrganizationId organization, JobId jobId) {
        jobs.job(organization, jobId);
        return questions(jobId);
    }

    /**
     * Replaces the job's questions with the given ones, in order. Questions named by id are kept (reworded, moved),
     * questions without an id are added, questions left out are removed; answers already given keep the question as
     * it was asked. Every problem is refused at once (400), each beside its field ({@code questions[i].textKo} …).
     */
    @Transactional
    public List<JobQuestion> replace(Actor actor, JobId jobId, List<QuestionPlan> plans) {
        jobs.job(actor.organizationId(), jobId);
        List<JobQuestion> existing = questions(jobId);
        Set<UUID> known = new HashSet<>(existing.stream().map(JobQuestion::id).toList());
        List<QuestionPlan> checked = check(plans, known);
        Set<UUID> kept = new HashSet<>();
        checked.stream().map(QuestionPlan::id).filter(id -> id != null).forEach(kept::add);
        for (JobQuestion question : existing) {
            if (!kept.contains(question.id())) {
                jdbc.sql("delete from job_question where id = ?").param(question.id()).update();
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < checked.size(); i++) {
            QuestionPlan plan = checked.get(i);
            String[] choices = plan.kind().hasChoices() ? plan.choices().toArray(String[]::new) : null;
            if (plan.id() == null) {
                jdbc.sql("""
                        insert into job_question (id, organization_id, job_id, position, kind, text_ko, text_en,
                                                  choices, required, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(Ids.newId(), actor.organizationId().value(), jobId.value(), i + 1, plan.kind().name(),
                                plan.textKo(), plan.textEn(), choices, plan.required(), now)
                        .update();
            } else {
                jdbc.sql("""
                        update job_question set position = ?, kind = ?, text_ko = ?, text_en = ?, choices = ?,
                                                required = ?
                        where id = ? and job_id = ?""")
                        .params(i + 1, plan.kind().name(), plan.textKo(), plan.textEn(), choices, plan.required(),
                                plan.id(), jobId.value())
                        .update();
            }
        }
        events.publishEvent(new JobManagement.JobChanged(actor.organizationId(), jobId));
        return questions(jobId);
    }

    /** The questions of a job already known to be the caller's (for publishing it). */
    List<JobQuestion> questions(JobId jobId) {
        return jdbc.sql("select * from job_question where job_id = ? order by position").param(jobId.value())
                .query(JobQuestions::row).list();
    }

    /**
     * The plans made tidy (texts stripped, blank ones left out; choices stripped, only for the choice kinds), or
     * every problem found in them.
     */
    static List<QuestionPlan> check(List<QuestionPlan> plans, Set<UUID> known) {
        List<QuestionPlan> given = plans == null ? List.of() : plans;
        if (given.size() > MAX_QUESTIONS) {
            throw new InvalidInputException("questions", "validation.question.tooMany", MAX_QUESTIONS);
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<QuestionPlan> checked = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            QuestionPlan plan = given.get(i);
            String field = "questions[" + i + "]";
            if (plan == null || plan.kind() == null) {
                problems.add(new FieldProblem(field + ".kind", "validation.required"));
                continue;
            }
            if (plan.id() != null && !known.contains(plan.id())) {
                problems.add(new FieldProblem(field + ".id", "validation.question.unknown"));
            } else if (plan.id() != null && !ids.add(plan.id())) {
                problems.add(new FieldProblem(field + ".id", "validation.question.duplicate"));
            }
            String textKo = blankToNull(plan.textKo());
            String textEn = blankToNull(plan.textEn());
            if (textKo == null && textEn == null) {
                problems.add(new FieldProblem(field + ".textKo", "validation.question.text"));
            }
            text(field + ".textKo", textKo, problems);
            text(field + ".textEn", textEn, problems);
            List<String> choices = List.of();
            if (plan.kind().hasChoices()) {
                choices = plan.choices() == null ? List.of() : plan.choices().stream()
                        .filter(choice -> choice != null && !choice.isBlank()).map(String::strip).toList();
                Set<String> distinct = new HashSet<>();
                boolean fine = choices.size() >= 2 && choices.size() <= MAX_CHOICES
                        && choices.stream().allMatch(choice -> choice.length() <= MAX_CHOICE
                                && choice.codePoints().noneMatch(Character::isISOControl)
                                && distinct.add(choice.toLowerCase(Locale.ROOT)));
                if (!fine) {
                    problems.add(new FieldProblem(field + ".choices", "validation.question.choices", MAX_CHOICES,
                            MAX_CHOICE));
                } else {
                    choices.stream().map(ForbiddenQuestions::find).flatMap(Optional::stream).findFirst()
                            .ifPresent(category -> problems.add(ForbiddenQuestions.problem(field + ".choices",
                                    category)));
                }
            }
            checked.add(new QuestionPlan(plan.id(), plan.kind(), textKo, textEn, choices,
                    Boolean.TRUE.equals(plan.required())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return checked;
    }

    private static void text(String field, String text, List<FieldProblem> problems) {
        if (text == null) {
            return;
        }
        if (text.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "validation.tooLong", MAX_TEXT));
            return;
        }
        ForbiddenQuestions.find(text).ifPresent(category -> problems.add(ForbiddenQuestions.problem(field,
                category)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static JobQuestion row(ResultSet rs, int row) throws SQLException {
        Array choices = rs.getArray("choices");
        return new JobQuestion(rs.getObject("id", UUID.class), rs.getInt("position"),
                QuestionKind.valueOf(rs.getString("kind")), rs.getString("text_ko"), rs.getString("text_en"),
                choices == null ? List.of() : Arrays.asList((String[]) choices.getArray()), rs.getBoolean("required"));
    }
}
