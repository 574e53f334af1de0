package io.hireflow.assessments;

import static io.hireflow.assessments.FieldChecks.blankToNull;
import static io.hireflow.assessments.FieldChecks.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageKind;
import io.hireflow.notifications.Announcements;
import io.hireflow.notifications.MessageEvent;
import io.hireflow.notifications.NotificationManagement;
import io.hireflow.pipeline.ApplicationStatus;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.BulkResult;
import io.hireflow.pipeline.BulkTransition;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.TransitionAction;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.Languages;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * The jobs' online tests, as staff run them. A test belongs to an {@code ONLINE_TEST} stage and is built from the
 * question bank when it is made (chosen questions, and a number drawn at random from each chosen topic in the test's
 * language), copied so the bank can change without changing it; every candidate gets the same questions, so their
 * scores compare. Candidates in the stage are invited in bulk (a sitting and an email each); {@link TestTaking} is
 * their side. Grading is one set of statements for the whole test; essays are graded by staff; a pass mark moves
 * everyone at or above it to the next stage and everyone below it out, in two bulk moves, with the result
 * announcement if asked for.
 */
@Service
public class OnlineTests {

    static final int MAX_QUESTIONS = 200;
    static final int MAX_MINUTES = 600;
    static final int MAX_POINTS = 100;
    static final int ESSAY_POINTS = 5;

    private final JdbcClient jdbc;
    private final JobManagement jobs;
    private final PipelineManagement pipeline;
    private final NotificationManagement notifications;
    private final Announcements announcements;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OnlineTests(JdbcClient jdbc, JobManagement jobs, PipelineManagement pipeline, NotificationManagement notifications,
            Announcements announcements, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.pipeline = pipeline;
        this.notifications = notifications;
        this.announcements = announcements;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A test as written: the stage, the window, and which questions (chosen, and drawn per topic). */
    public record Draft(UUID stageId, String title, String language, Integer timeLimitMinutes, Instant opensAt,
            Instant closesAt, List<Pick> questions, List<Draw> randomByTopic) {

        public Draft {
            questions = questions == null ? List.of() : questions;
            randomByTopic = randomByTopic == null ? List.of() : randomByTopic;
        }
    }

    /** A question of the bank the test has for certain; points default to 1 (an essay's to 5). */
    public record Pick(UUID questionId, Integer points) {
    }

    /** {@code count} questions drawn at random from a topic of the bank, in the test's language. */
    public record Draw(String topic, Integer count, Integer points) {
    }

    /**
     * Makes a test for one of the job's online-test stages. Refused with every problem named (400): a stage that is
     * not the job's online-test stage, a window that ends before it starts or has ended, no questions, a question
     * not in the bank, a topic with fewer questions in the language than asked for; a stage with a test already is
     * refused with 409.
     */
    @Transactional
    public OnlineTest create(Actor actor, JobId jobId, Draft draft) {
        OrganizationId organization = actor.organizationId();
        Job job = jobs.job(organization, jobId);
        List<FieldProblem> problems = new ArrayList<>();
        checkStage(job, draft.stageId(), problems);
        String title = text(draft.title(), AssignmentTemplates.MAX_TITLE, "title", true, problems);
        String language = blankToNull(draft.language());
        if (language == null) {
            problems.add(new FieldProblem("language", "validation.required"));
        } else if (!Languages.ALL.contains(language)) {
            problems.add(new FieldProblem("language", "validation.oneOf", String.join(", ", Languages.ALL)));
        }
        Integer minutes = draft.timeLimitMinutes();
        if (minutes == null) {
            problems.add(new FieldProblem("timeLimitMinutes", "validation.required"));
        } else if (minutes < 1 || minutes > MAX_MINUTES) {
            problems.add(new FieldProblem("timeLimitMinutes", "validation.onlineTest.minutes", MAX_MINUTES));
        }
        Instant now = clock.instant();
        if (draft.opensAt() == null) {
            problems.add(new FieldProblem("opensAt", "validation.required"));
        }
        if (draft.closesAt() == null) {
            problems.add(new FieldProblem("closesAt", "validation.required"));
        } else if (draft.opensAt() != null && !draft.closesAt().isAfter(draft.opensAt())) {
            problems.add(new FieldProblem("closesAt", "validation.onlineTest.windowOrder"));
        } else if (!draft.closesAt().isAfter(now)) {
            problems.add(new FieldProblem("closesAt", "validation.onlineTest.windowPast"));
        }
        List<UUID> ids = new ArrayList<>();
        List<Integer> points = new ArrayList<>();
        pick(organization, draft.questions(), ids, points, problems);
        if (language != null) {
            draw(organization, language, draft.randomByTopic(), ids, points, problems);
        }
        if (ids.isEmpty() && problems.stream().noneMatch(p -> p.field().startsWith("questions")
                || p.field().startsWith("randomByTopic"))) {
            problems.add(new FieldProblem("questions", "validation.onlineTest.noQuestions"));
        } else if (ids.size() > MAX_QUESTIONS) {
            problems.add(new FieldProblem("questions", "validation.onlineTest.tooManyQuestions", MAX_QUESTIONS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = Ids.newId();
        int added = jdbc.sql("""
                insert into online_test (id, organization_id, job_id, stage_id, title, language, time_limit_minutes,
                                         opens_at, closes_at, max_points, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                on conflict (stage_id) do nothing""")
                .params(id, organization.value(), jobId.value(), draft.stageId(), title, language, minutes,
                        Timestamp.from(draft.opensAt()), Timestamp.from(draft.closesAt()), Timestamp.from(now),
                        actor.userId())
                .update();
        if (added == 0) {
            throw new ConflictException("error.onlineTest.exists");
        }
        // the bank's questions copied in the order given; the accepted answers folded as grading compares them
        jdbc.sql("""
                insert into online_test_question (test_id, position, question_id, topic, kind, prompt, choices,
                                                  correct, accepted_answers, grading_notes, points)
                select :test, p.position, q.id, q.topic, q.kind, q.prompt, q.choices, q.correct,
                       array(select lower(regexp_replace(btrim(x), '\\s+', ' ', 'g')) from unnest(q.accepted_answers) x),
                       q.grading_notes, coalesce(p.points, case when q.kind = 'ESSAY' then :essay else 1 end)
                from unnest(cast(:ids as uuid[]), cast(:points as integer[])) with ordinality as p(id, points, position)
                join question q on q.id = p.id and q.organization_id = :org""")
                .param("test", id).param("ids", ids.toArray(UUID[]::new))
                .param("points", points.toArray(Integer[]::new)).param("essay", ESSAY_POINTS)
                .param("org", organization.value()).update();
        jdbc.sql("update online_test set max_points = (select sum(points) from online_test_question where test_id = ?) "
                + "where id = ?").params(id, id).update();
        return test(organization, id);
    }

    private static void checkStage(Job job, UUID stageId, List<FieldProblem> problems) {
        if (stageId == null) {
            problems.add(new FieldProblem("stageId", "validation.required"));
            return;
        }
        Stage stage = job.stages().stream().filter(s -> s.id().value().equals(stageId)).findFirst().orElse(null);
        if (stage == null) {
            problems.add(new FieldProblem("stageId", "validation.assignment.stage"));
        } else if (stage.kind() != StageKind.ONLINE_TEST) {
            problems.add(new FieldProblem("stageId", "validation.onlineTest.notOnlineTest", stage.name()));
        }
    }

    private void pick(OrganizationId organization, List<Pick> picks, List<UUID> ids, List<Integer> points,
            List<FieldProblem> problems) {
        Set<UUID> wanted = new HashSet<>();
        picks.stream().filter(p -> p != null && p.questionId() != null).forEach(p -> wanted.add(p.questionId()));
        Set<UUID> inBank = new HashSet<>(jdbc.sql("select id from question where organization_id = ? and id = any(?)")
                .params(organization.value(), wanted.toArray(UUID[]::new)).query(UUID.class).list());
        for (int i = 0; i < picks.size(); i++) {
            Pick pick = picks.get(i);
            String field = "questions[" + i + "]";
            if (pick == null || pick.questionId() == null) {
                problems.add(new FieldProblem(field + ".questionId", "validation.required"));
            } else if (!inBank.contains(pick.questionId())) {
                problems.add(new FieldProblem(field + ".questionId", "validation.onlineTest.notInBank"));
            } else if (ids.contains(pick.questionId())) {
                problems.add(new FieldProblem(field + ".questionId", "validation.onlineTest.twice"));
            } else if (checkPoints(pick.points(), field + ".points", problems)) {
                ids.add(pick.questionId());
                points.add(pick.points());
            }
        }
    }

    private void draw(OrganizationId organization, String language, List<Draw> draws, List<UUID> ids,
            List<Integer> points, List<FieldProblem> problems) {
        for (int i = 0; i < draws.size(); i++) {
            Draw draw = draws.get(i);
            String field = "randomByTopic[" + i + "]";
            String topic = draw == null ? null : blankToNull(draw.topic());
            if (topic == null) {
                problems.add(new FieldProblem(field + ".topic", "validation.required"));
                continue;
            }
            if (draw.count() == null || draw.count() < 1 || draw.count() > MAX_QUESTIONS) {
                problems.add(new FieldProblem(field + ".count", "validation.onlineTest.count", MAX_QUESTIONS));
                continue;
            }
            if (!checkPoints(draw.points(), field + ".points", problems)) {
                continue;
            }
            List<UUID> drawn = jdbc.sql("""
                    select id from question
                    where organization_id = ? and lower(topic) = lower(?) and language = ? and not (id = any(?))
                    order by random() limit ?""")
                    .params(organization.value(), topic, language, ids.toArray(UUID[]::new), draw.count())
                    .query(UUID.class).list();
            if (drawn.size() < draw.count()) {
                problems.add(new FieldProblem(field + ".count", "validation.onlineTest.notEnough", topic, language,
                        drawn.size()));
                continue;
            }
            ids.addAll(drawn);
            drawn.forEach(d -> points.add(draw.points()));
        }
    }

    private static boolean checkPoints(Integer points, String field, List<FieldProblem> problems) {
        if (points != null && (points < 1 || points > MAX_POINTS)) {
            problems.add(new FieldProblem(field, "validation.onlineTest.points", MAX_POINTS));
            return false;
        }
        return true;
    }

    @Transactional(readOnly = true)
    public OnlineTest test(OrganizationId organization, UUID testId) {
        OnlineTest test = jdbc.sql("select * from online_test where id = ? and organization_id = ?")
                .params(testId, organization.value()).query((rs, row) -> row(rs, List.of())).optional()
                .orElseThrow(() -> new NotFoundException("onlineTest"));
        return withQuestions(test);
    }

    /** The job's tests, in the order of their stages, without their questions. */
    @Transactional(readOnly = true)
    public List<OnlineTest> tests(OrganizationId organization, JobId jobId) {
        jobs.job(organization, jobId);
        return jdbc.sql("""
                select t.* from online_test t join job_stage s on s.id = t.stage_id
                where t.organization_id = ? and t.job_id = ? order by s.position""")
                .params(organization.value(), jobId.value()).query((rs, row) -> row(rs, List.of())).list();
    }

    private OnlineTest withQuestions(OnlineTest test) {
        List<OnlineTest.TestQuestion> questions = jdbc.sql(
                "select * from online_test_question where test_id = ? order by position")
                .param(test.id()).query((rs, row) -> new OnlineTest.TestQuestion(rs.getInt("position"),
                        rs.getObject("question_id", UUID.class), rs.getString("topic"),
                        QuestionKind.valueOf(rs.getString("kind")), rs.getString("prompt"),
                        list(rs.getArray("choices")), list(rs.getArray("correct")),
                        list(rs.getArray("accepted_answers")), rs.getString("grading_notes"), rs.getInt("points")))
                .list();
        return new OnlineTest(test.id(), test.jobId(), test.stageId(), test.title(), test.language(),
                test.timeLimitMinutes(), test.opensAt(), test.closesAt(), test.maxPoints(), test.passMark(),
                questions, test.createdAt());
    }

    static OnlineTest row(ResultSet rs, List<OnlineTest.TestQuestion> questions) throws SQLException {
        return new OnlineTest(rs.getObject("id", UUID.class), rs.getObject("job_id", UUID.class),
                rs.getObject("stage_id", UUID.class), rs.getString("title"), rs.getString("language"),
                rs.getInt("time_limit_minutes"), rs.getTimestamp("opens_at").toInstant(),
                rs.getTimestamp("closes_at").toInstant(), rs.getInt("max_points"), rs.getBigDecimal("pass_mark"),
                questions, rs.getTimestamp("created_at").toInstant());
    }

    static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** What inviting did: who was invited now, who had been before, and who could not be, with why. */
    public record Invitations(int invited, int alreadyInvited, List<Refusal> refused) {
    }

    /** An application that was not invited; {@code code} names why in the message bundles. */
    public record Refusal(UUID applicationId, String code) {
    }

    /**
     * Invites applications to the test: those named, or else every active application in the test's stage. Each
     * gets a sitting and an email (in their language) with the window, the time limit and {@code portalUrl}, where
     * they take it. An application already invited is counted, not invited again; one that is not active in the
     * test's stage is refused by name. The window must not have closed (409).
     */
    @Transactional
    public Invitations invite(Actor actor, UUID testId, List<UUID> applicationIds, String portalUrl) {
        OrganizationId organization = actor.organizationId();
        OnlineTest test = test(organization, testId);
        Instant now = clock.instant();
        if (!now.isBefore(test.closesAt())) {
            throw new ConflictException("error.onlineTest.closed");
        }
        List<UUID> wanted = applicationIds == null || applicationIds.isEmpty()
                ? jdbc.sql("""
                        select id from job_application
                        where organization_id = ? and job_id = ? and stage_id = ? and status = 'ACTIVE'
                        order by id""")
                        .params(organization.value(), test.jobId(), test.stageId()).query(UUID.class).list()
                : List.copyOf(new java.util.LinkedHashSet<>(applicationIds));
        if (wanted.size() > PipelineManagement.BULK_LIMIT) {
            throw new InvalidInputException("applicationIds", "validation.bulk.tooMany", PipelineManagement.BULK_LIMIT);
        }
        int invited = 0;
        int already = 0;
        List<Refusal> refused = new ArrayList<>();
        Map<String, String> texts = Map.of("testTitle", test.title(), "testLink", portalUrl,
                "testTimeLimit", Integer.toString(test.timeLimitMinutes()));
        Map<String, Instant> times = Map.of("testOpensAt", test.opensAt(), "testClosesAt", test.closesAt());
        for (UUID applicationId : wanted) {
            ApplicationView application;
            try {
                application = pipeline.application(organization, new JobApplicationId(applicationId));
            } catch (NotFoundException e) {
                refused.add(new Refusal(applicationId, "error.onlineTest.invite.notFound"));
                continue;
            }
            if (application.status() != ApplicationStatus.ACTIVE
                    || !application.stageId().value().equals(test.stageId())) {
                refused.add(new Refusal(applicationId, "error.onlineTest.invite.notInStage"));
                continue;
            }
            UUID sitting = Ids.newId();
            int added = jdbc.sql("""
                    insert into online_test_sitting (id, organization_id, test_id, application_id, invited_at)
                    values (?, ?, ?, ?, ?) on conflict (test_id, application_id) do nothing""")
                    .params(sitting, organization.value(), testId, applicationId, Timestamp.from(now)).update();
            if (added == 0) {
                already++;
                continue;
            }
            UUID message = notifications.promise(actor, application, MessageEvent.ONLINE_TEST_INVITED, texts, times,
                    null, "online-test/" + testId + "/" + applicationId).id();
            jdbc.sql("update online_test_sitting set message_id = ? where id = ?").params(message, sitting).update();
            invited++;
        }
        return new Invitations(invited, already, refused);
    }

    /**
     * Grades every sitting of the test that has ended (handed in, or out of time) and is not graded yet: each
     * choice answer is right when it is exactly the correct choices, each short answer when, folded, it is one of the
     * accepted answers; essays wait for staff. Answers how many sittings it graded.
     */
    @Transactional
    public int grade(OrganizationId organization, UUID testId) {
        return grade(organization, testId, null);
    }

    int grade(OrganizationId organization, UUID testId, UUID sittingId) {
        return jdbc.sql("""
                with due as (
                    select s.id from online_test_sitting s
                    where s.test_id = :test and s.organization_id = :org and s.graded_at is null
                      and s.started_at is not null and (s.submitted_at is not null or s.deadline_at <= :now)
                      and (cast(:sitting as uuid) is null or s.id = :sitting)
                    for update
                ), judged as (
                    -- every due sitting, with each answer it has to a question that grades itself (none: one row
                    -- of nulls, so that it is graded 0)
                    select due.id as sitting_id, a.position, q.points,
                           case q.kind
                               when 'SHORT_ANSWER' then coalesce(lower(regexp_replace(btrim(a.answer[1]), '\\s+', ' ', 'g'))
                                                                 = any(q.accepted_answers), false)
                               else a.answer @> q.correct and a.answer <@ q.correct
                           end as ok
                    from due
                    left join online_test_answer a on a.sitting_id = due.id
                    left join online_test_question q on q.test_id = :test and q.position = a.position
                                                     and q.kind <> 'ESSAY'
                ), marked as (
                    update online_test_answer a set correct = j.ok, points = case when j.ok then j.points else 0 end
                    from judged j where a.sitting_id = j.sitting_id and a.position = j.position and j.points is not null
                )
                -- the totals from the judged answers, joined to the sittings by their key: a join of one CTE to
                -- another has no statistics to go by and was planned as a nested loop (every sitting against every
                -- answer)
                update online_test_sitting s set auto_points = t.total, graded_at = :now
                from (select sitting_id, sum(case when ok then points else 0 end) as total
                      from judged group by sitting_id) t
                where s.id = t.sitting_id""")
                .param("test", testId).param("org", organization.value()).param("sitting", sittingId)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** One candidate's line of a test's results. {@code points} and {@code percent} are null until graded. */
    public record Result(UUID sittingId, UUID applicationId, String candidateName, SittingState state,
            ApplicationStatus applicationStatus, boolean inStage, Instant startedAt, Instant submittedAt,
            BigDecimal points, BigDecimal percent, int essaysToGrade) {
    }

    /** A tenth of the scale (0–10 %, …, 90–100 %) and how many graded sittings scored in it. */
    public record Bucket(int from, int to, int count) {
    }

    /** A test's results: every invited candidate, best first, and how the graded scores spread. */
    public record Results(OnlineTest test, int invited, int finished, int graded, int essaysToGrade,
            List<Result> results, List<Bucket> distribution) {
    }

    /** The test's results, grading first what has ended and is not graded yet. */
    @Transactional
    public Results results(OrganizationId organization, UUID testId) {
        OnlineTest test = test(organization, testId);
        grade(organization, testId, null);
        List<Result> results = lines(organization, test, null);
        int[] counts = new int[10];
        int finished = 0;
        int graded = 0;
        int essays = 0;
        for (Result result : results) {
            finished += result.state().finished() ? 1 : 0;
            essays += result.essaysToGrade();
            if (result.percent() != null) {
                graded++;
                counts[Math.min(9, result.percent().intValue() / 10)]++;
            }
        }
        List<Bucket> distribution = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            distribution.add(new Bucket(i * 10, i * 10 + 10, counts[i]));
        }
        return new Results(test, results.size(), finished, graded, essays, results, distribution);
    }

    // every sitting's line of the results, or one sitting's (the essays to grade counted per sitting in one pass)
    private List<Result> lines(OrganizationId organization, OnlineTest test, UUID sittingId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                with essays as (
                    select x.sitting_id, count(*) as n from online_test_answer x
                    join online_test_sitting s on s.id = x.sitting_id
                    join online_test_question q on q.test_id = s.test_id and q.position = x.position
                    where s.test_id = :test and (cast(:sitting as uuid) is null or s.id = :sitting)
                      and q.kind = 'ESSAY' and x.points is null
                    group by x.sitting_id)
                select s.id, s.application_id, a.candidate_name, a.status, a.stage_id = :stage as in_stage,
                       s.started_at, s.deadline_at, s.submitted_at, s.graded_at,
                       s.auto_points + coalesce(s.essay_points, 0) as points, coalesce(e.n, 0) as essays
                from online_test_sitting s
                join job_application a on a.id = s.application_id
                left join essays e on e.sitting_id = s.id
                where s.test_id = :test and s.organization_id = :org
                  and (cast(:sitting as uuid) is null or s.id = :sitting)
                order by s.graded_at is null, points desc nulls last, a.candidate_name""")
                .param("test", test.id()).param("org", organization.value()).param("sitting", sittingId)
                .param("stage", test.stageId())
                .query((rs, row) -> {
                    BigDecimal points = rs.getTimestamp("graded_at") == null ? null : rs.getBigDecimal("points");
                    Instant started = instant(rs.getTimestamp("started_at"));
                    Instant submitted = instant(rs.getTimestamp("submitted_at"));
                    return new Result(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                            rs.getString("candidate_name"), SittingState.of(started,
                                    instant(rs.getTimestamp("deadline_at")), submitted, test.closesAt(), now),
                            ApplicationStatus.valueOf(rs.getString("status")), rs.getBoolean("in_stage"), started,
                            submitted, points, percent(points, test.maxPoints()), rs.getInt("essays"));
                })
                .list();
    }

    /** Where an application's latest sitting stands, for its board card: the state, the score once graded. */
    record Standing(UUID applicationId, SittingState state, Instant deadlineAt, BigDecimal percent,
            int essaysToGrade) {
    }

    /** The latest sitting of each of these applications that has one, in one statement. */
    @Transactional(readOnly = true)
    Map<UUID, Standing> standings(OrganizationId organization, java.util.Collection<UUID> applicationIds) {
        Instant now = clock.instant();
        Map<UUID, Standing> standings = new HashMap<>();
        jdbc.sql("""
                select distinct on (s.application_id) s.application_id, s.started_at, s.deadline_at, s.submitted_at,
                       s.graded_at, s.auto_points + coalesce(s.essay_points, 0) as points, t.max_points, t.closes_at,
                       (select count(*) from online_test_answer x
                        join online_test_question q on q.test_id = s.test_id and q.position = x.position
                        where x.sitting_id = s.id and q.kind = 'ESSAY' and x.points is null) as essays
                from online_test_sitting s join online_test t on t.id = s.test_id
                where s.organization_id = ? and s.application_id = any(?)
                order by s.application_id, s.invited_at desc""")
                .params(organization.value(), applicationIds.toArray(UUID[]::new))
                .query(rs -> {
                    UUID application = rs.getObject("application_id", UUID.class);
                    BigDecimal points = rs.getTimestamp("graded_at") == null ? null : rs.getBigDecimal("points");
                    standings.put(application, new Standing(application, SittingState.of(
                            instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("deadline_at")),
                            instant(rs.getTimestamp("submitted_at")), rs.getTimestamp("closes_at").toInstant(), now),
                            instant(rs.getTimestamp("deadline_at")), percent(points, rs.getInt("max_points")),
                            rs.getInt("essays")));
                });
        return standings;
    }

    static BigDecimal percent(BigDecimal points, int max) {
        return points == null || max == 0 ? null
                : points.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(max), 1, RoundingMode.HALF_UP);
    }

    /** One candidate's sitting as staff see it: every question, the answer saved, and its grade. */
    public record SittingDetail(Result result, OnlineTest test, List<MarkedAnswer> answers) {
    }

    /** A question with the candidate's answer (empty when none) and its grade (null where not graded yet). */
    public record MarkedAnswer(OnlineTest.TestQuestion question, List<String> answer, Boolean correct,
            BigDecimal points) {
    }

    @Transactional
    public SittingDetail sitting(OrganizationId organization, UUID testId, UUID sittingId) {
        OnlineTest test = test(organization, testId);
        grade(organization, testId, sittingId);
        Result result = lines(organization, test, sittingId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("sitting"));
        Map<Integer, MarkedAnswer> saved = new HashMap<>();
        Map<Integer, OnlineTest.TestQuestion> questions = new HashMap<>();
        test.questions().forEach(q -> questions.put(q.position(), q));
        jdbc.sql("select * from online_test_answer where sitting_id = ?").param(sittingId)
                .query((rs, row) -> {
                    int position = rs.getInt("position");
                    saved.put(position, new MarkedAnswer(questions.get(position), list(rs.getArray("answer")),
                            (Boolean) rs.getObject("correct"), rs.getBigDecimal("points")));
                    return null;
                }).list();
        List<MarkedAnswer> answers = test.questions().stream()
                .map(q -> saved.getOrDefault(q.position(), new MarkedAnswer(q, List.of(), null, null))).toList();
        return new SittingDetail(result, test, answers);
    }

    /**
     * Staff grade one essay answer of a graded sitting: points from 0 to the question's. Refused (400) for a question
     * that is not an essay of the test, points out of range, or an essay the candidate left blank; 409 while the
     * sitting is still running.
     */
    @Transactional
    public SittingDetail gradeEssay(Actor actor, UUID testId, UUID sittingId, Integer position, BigDecimal points) {
        OrganizationId organization = actor.organizationId();
        SittingDetail detail = sitting(organization, testId, sittingId);
        if (!detail.result().state().finished() || detail.result().points() == null) {
            throw new ConflictException("error.onlineTest.notEnded");
        }
        MarkedAnswer answer = detail.answers().stream().filter(a -> position != null
                && a.question().position() == position).findFirst().orElse(null);
        if (answer == null || answer.question().kind() != QuestionKind.ESSAY) {
            throw new InvalidInputException("position", "validation.onlineTest.notEssay");
        }
        if (answer.answer().isEmpty()) {
            throw new InvalidInputException("position", "validation.onlineTest.blankEssay");
        }
        if (points == null || points.signum() < 0 || points.compareTo(BigDecimal.valueOf(answer.question().points())) > 0
                || points.scale() > 2) {
            throw new InvalidInputException("points", "validation.onlineTest.essayPoints", answer.question().points());
        }
        jdbc.sql("update online_test_answer set points = ?, graded_by = ? where sitting_id = ? and position = ?")
                .params(points, actor.userId(), sittingId, position).update();
        jdbc.sql("""
                update online_test_sitting set essay_points = (
                    select sum(a.points) from online_test_answer a
                    join online_test_question q on q.test_id = ? and q.position = a.position
                    where a.sitting_id = ? and q.kind = 'ESSAY')
                where id = ?""").params(testId, sittingId, sittingId).update();
        return sitting(organization, testId, sittingId);
    }

    /** What applying a pass mark did: how many moved on, how many were moved out, and who did not move, with why. */
    public record PassMarkOutcome(BigDecimal passMark, int passed, int failed, List<BulkResult.Failure> notMoved,
            UUID announcementId) {
    }

    /**
     * Applies a pass mark (a percentage of the test's points): every candidate of the test still active in its stage
     * and at or above it moves to the next stage, every other (below it, or who never took the test) is rejected
     * with {@code reasonCode} (or a reason naming the pass mark), in two bulk moves in one transaction; with {@code
     * announce}, the stage's result announcement then tells them all. Refused (409) while anyone can still take the
     * test or an essay waits to be graded.
     */
    public PassMarkOutcome applyPassMark(Actor actor, UUID testId, BigDecimal passMark, String reasonCode,
            boolean announce) {
        if (passMark == null) {
            throw new InvalidInputException("passMark", "validation.required");
        }
        if (passMark.signum() < 0 || passMark.compareTo(BigDecimal.valueOf(100)) > 0 || passMark.scale() > 2) {
            throw new InvalidInputException("passMark", "validation.onlineTest.passMark");
        }
        PassMarkOutcome outcome = transactions.execute(status -> {
            Results results = results(actor.organizationId(), testId);
            if (results.finished() < results.invited()) {
                throw new ConflictException("error.onlineTest.stillRunning", results.invited() - results.finished());
            }
            if (results.essaysToGrade() > 0) {
                throw new ConflictException("error.onlineTest.essaysToGrade", results.essaysToGrade());
            }
            List<UUID> passing = new ArrayList<>();
            List<UUID> failing = new ArrayList<>();
            for (Result result : results.results()) {
                if (!result.inStage() || result.applicationStatus() != ApplicationStatus.ACTIVE) {
                    continue;
                }
                boolean passed = result.percent() != null && result.percent().compareTo(passMark) >= 0;
                (passed ? passing : failing).add(result.applicationId());
            }
            String code = blankToNull(reasonCode);
            String reason = code != null ? null
                    : "Online test score below the pass mark (" + passMark.stripTrailingZeros().toPlainString() + "%)";
            List<BulkResult.Failure> notMoved = new ArrayList<>();
            int passed = move(actor, passing, TransitionAction.ADVANCE, null, null, notMoved);
            int failed = move(actor, failing, TransitionAction.REJECT, code, reason, notMoved);
            jdbc.sql("update online_test set pass_mark = ? where id = ? and organization_id = ?")
                    .params(passMark, testId, actor.organizationId().value()).update();
            return new PassMarkOutcome(passMark, passed, failed, notMoved, null);
        });
        if (!announce || outcome.passed() + outcome.failed() == 0) {
            return outcome;
        }
        OnlineTest test = test(actor.organizationId(), testId);
        UUID announcement = announcements.start(actor, new Announcements.StartAnnouncement(test.jobId(),
                test.stageId(), MessageEvent.STAGE_PASSED, MessageEvent.REJECTED, null)).id();
        return new PassMarkOutcome(outcome.passMark(), outcome.passed(), outcome.failed(), outcome.notMoved(),
                announcement);
    }

    private int move(Actor actor, List<UUID> ids, TransitionAction action, String code, String reason,
            List<BulkResult.Failure> notMoved) {
        if (ids.isEmpty()) {
            return 0;
        }
        BulkResult result = pipeline.bulkTransition(actor, new BulkTransition(action, ids, null, null, null, null,
                code, reason));
        notMoved.addAll(result.failures());
        return result.moved();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
