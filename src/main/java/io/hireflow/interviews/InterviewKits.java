package io.hireflow.interviews;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageKind;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;

/**
 * Interview kits. Each {@code INTERVIEW} stage of a job has a template: the focus attributes the panel rates and the
 * quiz (chosen bank questions, and a number drawn at random from each chosen topic in the organization's language).
 * An interview's kit is made from its stage's template the first time anyone opens it, and its quiz drawn then, once,
 * so the whole panel shares one quiz and later edits do not change it. The kit shows the candidate's résumé with the
 * technologies it mentions marked ({@link Technologies}), the bank's questions about those technologies, the
 * questions the panel wrote for this candidate, and the quiz; each panelist marks the quiz answers and keeps notes as
 * they go, privately, until their scorecard takes them.
 *
 * <p>The kit is seen by its panel and by admins, recruiters and hiring managers; anyone else gets 404. Expected answers
 * and grading notes are shown to the panel, admins and recruiters only. The bank ({@code question}) and the résumé's
 * text ({@code candidate_document}) are read here directly, one statement each, as read models may: the page must stay
 * cheap with a long résumé and many interviews.
 */
@Service
public class InterviewKits {

    static final int MAX_ATTRIBUTES = 10;
    static final int MAX_ATTRIBUTE = 80;
    static final int MAX_QUIZ = 20;
    static final int MAX_PANEL_QUESTION = 1000;
    static final int MAX_NOTES = 10_000;
    static final int SUGGESTIONS_PER_TECHNOLOGY = 3;

    /** How an interviewer marks a quiz answer. */
    public enum Mark {
        CORRECT, PARTIAL, WRONG;

        double points() {
            return switch (this) {
                case CORRECT -> 1;
                case PARTIAL -> 0.5;
                case WRONG -> 0;
            };
        }
    }

    /** A stage's kit template. */
    public record Template(UUID stageId, String stageName, List<String> focusAttributes, List<UUID> quizQuestionIds,
            List<String> quizTopics, int quizPerTopic, long version) {
    }

    /** A template as written; {@code version} is the one read (null for a stage without one yet). */
    public record TemplateDraft(List<String> focusAttributes, List<UUID> quizQuestionIds, List<String> quizTopics,
            Integer quizPerTopic, Long version) {

        public TemplateDraft {
            focusAttributes = focusAttributes == null ? List.of() : focusAttributes;
            quizQuestionIds = quizQuestionIds == null ? List.of() : quizQuestionIds;
            quizTopics = quizTopics == null ? List.of() : quizTopics;
        }
    }

    /** The résumé's text cut into plain pieces and mentions of technologies, and each technology with its count. */
    public record Resume(UUID documentId, String fileName, Map<String, Integer> technologies,
            List<Technologies.Segment> text) {
    }

    /** A bank question about a technology the résumé mentions. */
    public record SuggestedQuestion(UUID questionId, String technology, String topic, String language, String prompt,
            String expectedAnswer) {
    }

    /** A question a panelist wrote for this candidate. */
    public record PanelQuestion(UUID id, String authorName, String text, Instant createdAt) {
    }

    /** A question of the interview's quiz, with the caller's mark. */
    public record QuizQuestion(UUID id, int position, String topic, String kind, String prompt, List<String> choices,
            String expectedAnswer, Mark myMark) {
    }

    /**
     * An interview's kit as the caller sees it. {@code quizScore} is the caller's: correct 1, partial 0.5, wrong 0,
     * as a percentage of the questions they marked (null before any).
     */
    public record Kit(UUID interviewId, UUID applicationId, String candidateName, String title, Instant startsAt,
            Instant endsAt, InterviewStatus status, List<String> focusAttributes, Resume resume,
            List<SuggestedQuestion> suggestedQuestions, List<PanelQuestion> panelQuestions, List<QuizQuestion> quiz,
            Double quizScore, String myNotes, boolean onPanel, boolean expectedAnswersShown,
            boolean scorecardSubmitted) {
    }

    private final JdbcClient jdbc;
    private final Interviews interviews;
    private final JobManagement jobs;
    private final IdentityManagement identity;
    private final AccessLog accessLog;
    private final MessageSource messages;
    private final Clock clock;

    InterviewKits(JdbcClient jdbc, Interviews interviews, JobManagement jobs, IdentityManagement identity,
            AccessLog accessLog, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.interviews = interviews;
        this.jobs = jobs;
        this.identity = identity;
        this.accessLog = accessLog;
        this.messages = messages;
        this.clock = clock;
    }

    // --- templates ---------------------------------------------------------------------------------------------------

    /** The kit template of each interview stage of the job (an empty one for a stage without a template yet). */
    @Transactional(readOnly = true)
    public List<Template> templates(OrganizationId organization, UUID jobId) {
        List<Stage> stages = jobs.job(organization, new JobId(jobId)).stages().stream()
                .filter(stage -> stage.kind() == StageKind.INTERVIEW).toList();
        List<Template> templates = new ArrayList<>();
        for (Stage stage : stages) {
            templates.add(jdbc.sql("select * from interview_kit_template where stage_id = ? and organization_id = ?")
                    .params(stage.id().value(), organization.value())
                    .query((rs, row) -> new Template(stage.id().value(), stage.name(), strings(rs, "focus_attributes"),
                            uuids(rs, "quiz_question_ids"), strings(rs, "quiz_topics"), rs.getInt("quiz_per_topic"),
                            rs.getLong("version")))
                    .optional().orElse(new Template(stage.id().value(), stage.name(), List.of(), List.of(), List.of(),
                            0, -1)));
        }
        return templates;
    }

    /**
     * Writes the kit template of an interview stage of the job, checked whole (400 naming each problem): 1 to 10 focus
     * attributes, each named once; quiz questions of the organization's bank; topics of the bank with 0 to 10 questions
     * each, at most 20 questions in all. A stale version is refused (409). Interviews whose kit was made already keep
     * theirs.
     */
    @Transactional
    public Template updateTemplate(Actor actor, UUID jobId, UUID stageId, TemplateDraft draft) {
        OrganizationId organization = actor.organizationId();
        Stage stage = jobs.job(organization, new JobId(jobId)).stages().stream()
                .filter(s -> s.id().value().equals(stageId) && s.kind() == StageKind.INTERVIEW).findFirst()
                .orElseThrow(() -> new NotFoundException("stage"));
        List<FieldProblem> problems = new ArrayList<>();
        List<String> attributes = new ArrayList<>();
        if (draft.focusAttributes().isEmpty() || draft.focusAttributes().size() > MAX_ATTRIBUTES) {
            problems.add(new FieldProblem("focusAttributes", "validation.kit.attributes", MAX_ATTRIBUTES));
        }
        for (int i = 0; i < draft.focusAttributes().size(); i++) {
            String attribute = draft.focusAttributes().get(i) == null ? "" : draft.focusAttributes().get(i).strip();
            String field = "focusAttributes[" + i + "]";
            if (attribute.isEmpty()) {
                problems.add(new FieldProblem(field, "validation.required"));
            } else if (attribute.length() > MAX_ATTRIBUTE) {
                problems.add(new FieldProblem(field, "validation.tooLong", MAX_ATTRIBUTE));
            } else if (attributes.stream().anyMatch(attribute::equalsIgnoreCase)) {
                problems.add(new FieldProblem(field, "validation.kit.attributeTwice"));
            } else {
                attributes.add(attribute);
            }
        }
        List<UUID> questionIds = List.copyOf(new LinkedHashSet<>(draft.quizQuestionIds()));
        if (!questionIds.isEmpty()) {
            Set<UUID> known = Set.copyOf(jdbc.sql("select id from question where organization_id = ? and id = any(?)")
                    .params(organization.value(), questionIds.toArray(UUID[]::new)).query(UUID.class).list());
            for (int i = 0; i < questionIds.size(); i++) {
                if (!known.contains(questionIds.get(i))) {
                    problems.add(new FieldProblem("quizQuestionIds[" + i + "]", "validation.kit.notInBank"));
                }
            }
        }
        int perTopic = draft.quizPerTopic() == null ? 0 : draft.quizPerTopic();
        if (perTopic < 0 || perTopic > 10) {
            problems.add(new FieldProblem("quizPerTopic", "validation.kit.perTopic"));
        }
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < draft.quizTopics().size(); i++) {
            String topic = draft.quizTopics().get(i) == null ? "" : draft.quizTopics().get(i).strip();
            boolean exists = !topic.isEmpty() && jdbc.sql("""
                    select exists (select 1 from question where organization_id = ? and lower(topic) = lower(?))""")
                    .params(organization.value(), topic).query(Boolean.class).single();
            if (!exists) {
                problems.add(new FieldProblem("quizTopics[" + i + "]", "validation.kit.noSuchTopic"));
            } else if (topics.stream().noneMatch(topic::equalsIgnoreCase)) {
                topics.add(topic);
            }
        }
        if (questionIds.size() + topics.size() * perTopic > MAX_QUIZ) {
            problems.add(new FieldProblem("quizPerTopic", "validation.kit.quizSize", MAX_QUIZ));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (draft.version() == null || draft.version() < 0) {
            int inserted = jdbc.sql("""
                    insert into interview_kit_template (stage_id, organization_id, focus_attributes, quiz_question_ids,
                                                        quiz_topics, quiz_per_topic, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (stage_id) do nothing""")
                    .params(stageId, organization.value(), attributes.toArray(String[]::new),
                            questionIds.toArray(UUID[]::new), topics.toArray(String[]::new), perTopic, now).update();
            if (inserted == 0) {
                throw new ConflictException("error.stale");
            }
        } else {
            int updated = jdbc.sql("""
                    update interview_kit_template set focus_attributes = ?, quiz_question_ids = ?, quiz_topics = ?,
                        quiz_per_topic = ?, updated_at = ?, version = version + 1
                    where stage_id = ? and organization_id = ? and version = ?""")
                    .params(attributes.toArray(String[]::new), questionIds.toArray(UUID[]::new),
                            topics.toArray(String[]::new), perTopic, now, stageId, organization.value(),
                            draft.version()).update();
            if (updated == 0) {
                throw new ConflictException("error.stale");
            }
        }
        return templates(organization, jobId).stream().filter(t -> t.stageId().equals(stage.id().value()))
                .findFirst().orElseThrow();
    }

    /** The bank's topics, by name, for the template's quiz. */
    @Transactional(readOnly = true)
    public List<String> topics(OrganizationId organization) {
        return jdbc.sql("""
                select min(topic) from question where organization_id = ? group by lower(topic) order by lower(min(topic))""")
                .param(organization.value()).query(String.class).list();
    }

    // --- the kit -----------------------------------------------------------------------------------------------------

    /** The interview's kit as the caller may see it (made on first opening); the look is recorded in the access log. */
    @Transactional
    public Kit kit(Actor actor, UUID interviewId) {
        Interview interview = visible(actor, interviewId);
        OrganizationId organization = actor.organizationId();
        List<String> focus = ensureKit(organization, interview);
        boolean onPanel = onPanel(interview, actor.userId());
        boolean answers = onPanel || actor.hasAny(Role.ADMIN, Role.RECRUITER);
        String language = identity.organization(organization).defaultLocale().getLanguage();
        String candidateName = jdbc.sql("select candidate_name from job_application where id = ?")
                .param(interview.applicationId()).query(String.class).single();

        Resume resume = resume(organization, interview.applicationId());
        List<SuggestedQuestion> suggested = resume == null ? List.of()
                : suggestions(organization, resume.technologies().keySet(), language, answers);
        List<PanelQuestion> panelQuestions = jdbc.sql("""
                select q.id, u.display_name, q.text, q.created_at from interview_panel_question q
                join staff_user u on u.id = q.author_id where q.interview_id = ? order by q.created_at, q.id""")
                .param(interviewId).query((rs, row) -> new PanelQuestion(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
        List<QuizQuestion> quiz = jdbc.sql("""
                select q.*, m.mark from interview_quiz_question q
                left join interview_quiz_mark m on m.quiz_question_id = q.id and m.user_id = ?
                where q.interview_id = ? order by q.position""")
                .params(actor.userId(), interviewId)
                .query((rs, row) -> new QuizQuestion(rs.getObject("id", UUID.class), rs.getInt("position"),
                        rs.getString("topic"), rs.getString("kind"), rs.getString("prompt"), strings(rs, "choices"),
                        answers ? rs.getString("expected_answer") : null,
                        rs.getString("mark") == null ? null : Mark.valueOf(rs.getString("mark"))))
                .list();
        String notes = jdbc.sql("select text from interview_note where interview_id = ? and user_id = ?")
                .params(interviewId, actor.userId()).query(String.class).optional().orElse(null);
        boolean submitted = jdbc.sql("select exists (select 1 from scorecard where interview_id = ? and user_id = ?)")
                .params(interviewId, actor.userId()).query(Boolean.class).single();
        accessLog.applications(actor, AccessLog.Action.VIEW_APPLICATION, "interview kit " + interviewId,
                List.of(interview.applicationId()));
        return new Kit(interviewId, interview.applicationId(), candidateName, interview.title(),
                interview.startsAt(), interview.endsAt(), interview.status(), focus, resume, suggested,
                panelQuestions, quiz, score(quiz.stream().map(QuizQuestion::myMark).toList()), notes, onPanel,
                answers, submitted);
    }

    /** A panelist (or a recruiter, admin or hiring manager) adds a question for this candidate, seen by the panel. */
    @Transactional
    public PanelQuestion addQuestion(Actor actor, UUID interviewId, String text) {
        Interview interview = visible(actor, interviewId);
        String question = text == null ? "" : text.strip();
        if (question.isEmpty()) {
            throw new InvalidInputException("text", "validation.required");
        }
        if (question.length() > MAX_PANEL_QUESTION) {
            throw new InvalidInputException("text", "validation.tooLong", MAX_PANEL_QUESTION);
        }
        UUID id = Ids.newId();
        Instant now = clock.instant();
        jdbc.sql("insert into interview_panel_question (id, interview_id, author_id, text, created_at) values (?, ?, ?, ?, ?)")
                .params(id, interview.id(), actor.userId(), question, Timestamp.from(now)).update();
        return new PanelQuestion(id, actor.name(), question, now);
    }

    /**
     * A panelist marks a quiz answer (null clears the mark). Only the panel marks, on an interview not called off, and
     * not after submitting their scorecard, which keeps the marks as they were (409).
     */
    @Transactional
    public void mark(Actor actor, UUID interviewId, UUID quizQuestionId, String mark) {
        Interview interview = panelistsOwn(actor, interviewId);
        Mark value = null;
        if (mark != null && !mark.isBlank()) {
            value = Arrays.stream(Mark.values()).filter(m -> m.name().equalsIgnoreCase(mark.strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("mark", "validation.oneOf", "CORRECT, PARTIAL, WRONG"));
        }
        boolean ofThisQuiz = jdbc.sql("select exists (select 1 from interview_quiz_question where id = ? and interview_id = ?)")
                .params(quizQuestionId, interview.id()).query(Boolean.class).single();
        if (!ofThisQuiz) {
            throw new NotFoundException("quizQuestion");
        }
        if (value == null) {
            jdbc.sql("delete from interview_quiz_mark where quiz_question_id = ? and user_id = ?")
                    .params(quizQuestionId, actor.userId()).update();
            return;
        }
        jdbc.sql("""
                insert into interview_quiz_mark (quiz_question_id, user_id, mark, marked_at) values (?, ?, ?, ?)
                on conflict (quiz_question_id, user_id) do update set mark = excluded.mark, marked_at = excluded.marked_at""")
                .params(quizQuestionId, actor.userId(), value.name(), Timestamp.from(clock.instant())).update();
    }

    /** A panelist's notes, saved as they go (private until their scorecard takes them); refused after it (409). */
    @Transactional
    public void saveNotes(Actor actor, UUID interviewId, String text) {
        Interview interview = panelistsOwn(actor, interviewId);
        String notes = text == null ? "" : text.strip();
        if (notes.length() > MAX_NOTES) {
            throw new InvalidInputException("notes", "validation.tooLong", MAX_NOTES);
        }
        jdbc.sql("""
                insert into interview_note (interview_id, user_id, text, updated_at) values (?, ?, ?, ?)
                on conflict (interview_id, user_id) do update set text = excluded.text, updated_at = excluded.updated_at""")
                .params(interview.id(), actor.userId(), notes, Timestamp.from(clock.instant())).update();
    }

    // --- for scorecards ----------------------------------------------------------------------------------------------

    /** The kit's focus attributes, for the scorecard form (the kit is made if nobody has opened it yet). */
    @Transactional
    public List<String> focusAttributes(Actor actor, UUID interviewId) {
        return ensureKit(actor.organizationId(), visible(actor, interviewId));
    }

    /** The interview if the caller may see its kit: its panel, admins, recruiters and hiring managers (else 404). */
    Interview visible(Actor actor, UUID interviewId) {
        Interview interview = interviews.interview(actor.organizationId(), interviewId);
        if (!onPanel(interview, actor.userId()) && !actor.hasAny(Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER)) {
            throw new NotFoundException("interview");
        }
        return interview;
    }

    // the interview for a panelist's own marks and notes: on the panel, not called off, scorecard not yet in
    private Interview panelistsOwn(Actor actor, UUID interviewId) {
        Interview interview = visible(actor, interviewId);
        if (!onPanel(interview, actor.userId())) {
            throw new ConflictException("error.scorecard.notOnPanel");
        }
        if (interview.status() != InterviewStatus.SCHEDULED) {
            throw new ConflictException("error.kit.notScheduled");
        }
        if (jdbc.sql("select exists (select 1 from scorecard where interview_id = ? and user_id = ?)")
                .params(interviewId, actor.userId()).query(Boolean.class).single()) {
            throw new ConflictException("error.scorecard.submitted");
        }
        return interview;
    }

    static boolean onPanel(Interview interview, UUID userId) {
        return interview.panel().stream().anyMatch(member -> member.userId().equals(userId));
    }

    /** The kit's focus attributes, making the kit (and drawing its quiz) if nobody has opened it yet. */
    List<String> ensureKit(OrganizationId organization, Interview interview) {
        var existing = jdbc.sql("select focus_attributes from interview_kit where interview_id = ?")
                .param(interview.id()).query((rs, row) -> strings(rs, "focus_attributes")).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String language = identity.organization(organization).defaultLocale().getLanguage();
        var template = jdbc.sql("select * from interview_kit_template where stage_id = ? and organization_id = ?")
                .params(interview.stageId(), organization.value())
                .query((rs, row) -> new Template(interview.stageId(), null, strings(rs, "focus_attributes"),
                        uuids(rs, "quiz_question_ids"), strings(rs, "quiz_topics"), rs.getInt("quiz_per_topic"),
                        rs.getLong("version")))
                .optional();
        List<String> focus = template.map(Template::focusAttributes).filter(list -> !list.isEmpty())
                .orElseGet(() -> List.of(messages.getMessage("interviews.kit.defaultFocus", null,
                        Locale.forLanguageTag(language)).split("\\s*,\\s*")));
        // a second panelist opening it at the same moment waits here for the first one's kit and then reads it
        int made = jdbc.sql("""
                insert into interview_kit (interview_id, organization_id, focus_attributes, created_at)
                values (?, ?, ?, ?) on conflict (interview_id) do nothing""")
                .params(interview.id(), organization.value(), focus.toArray(String[]::new),
                        Timestamp.from(clock.instant())).update();
        if (made == 0) {
            return jdbc.sql("select focus_attributes from interview_kit where interview_id = ?")
                    .param(interview.id()).query((rs, row) -> strings(rs, "focus_attributes")).single();
        }
        if (template.isPresent()) {
            drawQuiz(organization, interview.id(), template.get(), language);
        }
        return focus;
    }

    // the chosen questions in their order, then N at random from each topic in the organization's language
    private void drawQuiz(OrganizationId organization, UUID interviewId, Template template, String language) {
        List<UUID> picked = new ArrayList<>();
        if (!template.quizQuestionIds().isEmpty()) {
            List<UUID> found = jdbc.sql("select id from question where organization_id = ? and id = any(?)")
                    .params(organization.value(), template.quizQuestionIds().toArray(UUID[]::new))
                    .query(UUID.class).list();
            template.quizQuestionIds().stream().filter(found::contains).forEach(picked::add);
        }
        for (String topic : template.quizTopics()) {
            picked.addAll(jdbc.sql("""
                    select id from question where organization_id = ? and lower(topic) = lower(?)
                      and not (id = any(?))
                    order by (language = ?) desc, random() limit ?""")
                    .params(organization.value(), topic, picked.toArray(UUID[]::new), language,
                            template.quizPerTopic())
                    .query(UUID.class).list());
        }
        int position = 0;
        for (UUID questionId : picked) {
            jdbc.sql("""
                    insert into interview_quiz_question (id, interview_id, position, question_id, topic, kind, prompt,
                                                         choices, expected_answer)
                    select ?, ?, ?, id, topic, kind, prompt, choices,
                           concat_ws(E'\\n', nullif(array_to_string(case when cardinality(correct) > 0 then correct
                                                                         else accepted_answers end, ' / '), ''),
                                     grading_notes)
                    from question where id = ?""")
                    .params(Ids.newId(), interviewId, position++, questionId).update();
        }
    }

    // the newest résumé sent with the application whose text has been read, else the candidate's newest
    private Resume resume(OrganizationId organization, UUID applicationId) {
        return jdbc.sql("""
                select d.id, d.original_name, d.text from candidate_document d
                join job_application a on a.candidate_id = d.candidate_id
                where a.id = ? and d.organization_id = ? and d.kind = 'RESUME' and d.text_status = 'DONE'
                order by (d.application_id = a.id) desc nulls last, d.created_at desc limit 1""")
                .params(applicationId, organization.value())
                .query((rs, row) -> {
                    String text = rs.getString(3) == null ? "" : rs.getString(3);
                    List<Technologies.Mention> mentions = Technologies.find(text);
                    return new Resume(rs.getObject(1, UUID.class), rs.getString(2), Technologies.counts(mentions),
                            Technologies.segments(text, mentions));
                }).optional().orElse(null);
    }

    private List<SuggestedQuestion> suggestions(OrganizationId organization, Set<String> technologies,
            String language, boolean answers) {
        if (technologies.isEmpty()) {
            return List.of();
        }
        List<Technologies.Technology> found = technologies.stream().map(Technologies::named)
                .flatMap(java.util.Optional::stream).toList();
        Set<String> keys = new LinkedHashSet<>();
        found.forEach(technology -> keys.addAll(technology.bankKeys()));
        List<Map<String, Object>> rows = jdbc.sql("""
                select id, topic, language, prompt, tags,
                       concat_ws(E'\\n', nullif(array_to_string(case when cardinality(correct) > 0 then correct
                                                                     else accepted_answers end, ' / '), ''),
                                 grading_notes) as expected
                from question
                where organization_id = ? and (lower(topic) = any(cast(? as text[])) or tags && cast(? as text[]))
                order by (language = ?) desc, id""")
                .params(organization.value(), keys.toArray(String[]::new), keys.toArray(String[]::new), language)
                .query().listOfRows();
        List<SuggestedQuestion> suggested = new ArrayList<>();
        for (Technologies.Technology technology : found) {
            int taken = 0;
            for (Map<String, Object> row : rows) {
                if (taken == SUGGESTIONS_PER_TECHNOLOGY) {
                    break;
                }
                String topic = (String) row.get("topic");
                List<String> tags = arrayOf(row.get("tags"));
                boolean about = technology.bankKeys().contains(topic.toLowerCase(Locale.ROOT))
                        || tags.stream().anyMatch(technology.bankKeys()::contains);
                UUID id = (UUID) row.get("id");
                if (about && suggested.stream().noneMatch(s -> s.questionId().equals(id))) {
                    suggested.add(new SuggestedQuestion(id, technology.name(), topic, (String) row.get("language"),
                            (String) row.get("prompt"), answers ? (String) row.get("expected") : null));
                    taken++;
                }
            }
        }
        return suggested;
    }

    /** Correct 1, partial 0.5, wrong 0, as a percentage of the marked questions (one decimal); null with no mark. */
    static Double score(List<Mark> marks) {
        List<Mark> given = marks.stream().filter(java.util.Objects::nonNull).toList();
        if (given.isEmpty()) {
            return null;
        }
        double points = given.stream().mapToDouble(Mark::points).sum();
        return Math.round(points * 1000 / given.size()) / 10.0;
    }

    private static List<String> arrayOf(Object array) {
        try {
            return array == null ? List.of() : List.of((String[]) ((Array) array).getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }
}
