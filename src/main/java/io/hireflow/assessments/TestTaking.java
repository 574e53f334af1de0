package io.hireflow.assessments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * The candidate's side of an online test, reached through the portal by the signed-in email (a sitting that is not
 * theirs is not found). Starting sets the deadline on the server (the start plus the time limit, or the window's end
 * if sooner); each answer is saved on its own as the candidate goes, and only before the deadline, so a closed tab
 * loses nothing and the clock runs on whether the page is open or not; handing in after the deadline is refused, and
 * what was saved by then is graded.
 */
@Service
public class TestTaking {

    static final int MAX_SHORT = 500;
    static final int MAX_ESSAY = 20_000;
    private static final int CACHED_TESTS = 256;

    private final JdbcClient jdbc;
    private final OnlineTests tests;
    private final Clock clock;
    /** Tests' questions by test: a test's questions never change once it is made, so every node may keep them. */
    private final Map<UUID, Map<Integer, OnlineTest.TestQuestion>> questions = new ConcurrentHashMap<>();

    TestTaking(JdbcClient jdbc, OnlineTests tests, Clock clock) {
        this.jdbc = jdbc;
        this.tests = tests;
        this.clock = clock;
    }

    /** A candidate's invitation to a test, and where their sitting of it stands. */
    public record Invitation(UUID sittingId, UUID testId, UUID applicationId, String title, int timeLimitMinutes,
            Instant opensAt, Instant closesAt, int questionCount, SittingState state, Instant startedAt,
            Instant deadlineAt, Instant submittedAt, boolean stillInStage, UUID organizationId, ZoneId zone) {

        /** Whether the candidate can start it now. */
        public boolean startable(Instant now) {
            return state == SittingState.INVITED && stillInStage && !now.isBefore(opensAt) && now.isBefore(closesAt);
        }
    }

    /** The test as the candidate takes it: its questions without what counts as right, and their saved answers. */
    public record Paper(Invitation invitation, Instant now, List<PaperQuestion> questions) {

        /** Whole seconds left on the clock (0 when it has run out or the test is not running). */
        public long secondsLeft() {
            return invitation.state() != SittingState.IN_PROGRESS ? 0
                    : Math.max(0, java.time.Duration.between(now, invitation.deadlineAt()).toSeconds());
        }

        public long answered() {
            return questions.stream().filter(q -> !q.answer().isEmpty()).count();
        }
    }

    /** One question as the candidate sees it, with what they saved for it (empty when nothing). */
    public record PaperQuestion(int position, String topic, QuestionKind kind, String prompt, List<String> choices,
            int points, List<String> answer) {
    }

    private static final String INVITATION = """
            select s.id, s.test_id, s.application_id, s.started_at, s.deadline_at, s.submitted_at,
                   t.title, t.time_limit_minutes, t.opens_at, t.closes_at, t.stage_id,
                   (select count(*) from online_test_question q where q.test_id = t.id) as question_count,
                   a.stage_id = t.stage_id and a.status = 'ACTIVE' as in_stage, s.organization_id, o.time_zone
            from online_test_sitting s
            join online_test t on t.id = s.test_id
            join organization o on o.id = s.organization_id
            join job_application a on a.id = s.application_id
            """;

    /** The application's invitation to a test, if it has one (the latest). */
    @Transactional(readOnly = true)
    public Optional<Invitation> invitation(OrganizationId organization, UUID applicationId) {
        Instant now = clock.instant();
        return jdbc.sql(INVITATION + " where s.organization_id = ? and s.application_id = ? order by s.invited_at desc limit 1")
                .params(organization.value(), applicationId).query((rs, row) -> invitation(rs, now)).optional();
    }

    private Invitation mine(String email, UUID sittingId, Instant now) {
        return jdbc.sql(INVITATION + """
                join candidate c on c.id = a.candidate_id
                where s.id = ? and lower(c.email) = lower(?)""")
                .params(sittingId, email.strip()).query((rs, row) -> invitation(rs, now)).optional()
                .orElseThrow(() -> new NotFoundException("sitting"));
    }

    private static Invitation invitation(ResultSet rs, Instant now) throws SQLException {
        Instant closes = rs.getTimestamp("closes_at").toInstant();
        Instant started = OnlineTests.instant(rs.getTimestamp("started_at"));
        Instant deadline = OnlineTests.instant(rs.getTimestamp("deadline_at"));
        Instant submitted = OnlineTests.instant(rs.getTimestamp("submitted_at"));
        return new Invitation(rs.getObject("id", UUID.class), rs.getObject("test_id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getString("title"), rs.getInt("time_limit_minutes"),
                rs.getTimestamp("opens_at").toInstant(), closes, rs.getInt("question_count"),
                SittingState.of(started, deadline, submitted, closes, now), started, deadline, submitted,
                rs.getBoolean("in_stage"), rs.getObject("organization_id", UUID.class),
                ZoneId.of(rs.getString("time_zone")));
    }

    /** The candidate's sitting: the questions and their answers once started; before that, only the invitation. */
    @Transactional(readOnly = true)
    public Paper paper(String email, UUID sittingId) {
        Instant now = clock.instant();
        Invitation invitation = mine(email, sittingId, now);
        if (invitation.startedAt() == null) {
            return new Paper(invitation, now, List.of());
        }
        Map<Integer, List<String>> saved = new HashMap<>();
        jdbc.sql("select position, answer from online_test_answer where sitting_id = ?").param(sittingId)
                .query((rs, row) -> saved.put(rs.getInt("position"), OnlineTests.list(rs.getArray("answer"))))
                .list();
        List<PaperQuestion> paper = new ArrayList<>();
        questions(invitation.testId()).values().forEach(q -> paper.add(new PaperQuestion(q.position(), q.topic(),
                q.kind(), q.prompt(), q.choices(), q.points(), saved.getOrDefault(q.position(), List.of()))));
        return new Paper(invitation, now, paper);
    }

    /**
     * Starts the sitting: its clock runs from now. Refused (409) before the window opens, after it closes, when the
     * application has left the test's stage, or once started (opening the test again just shows it).
     */
    @Transactional
    public Paper start(String email, UUID sittingId) {
        Instant now = clock.instant();
        Invitation invitation = mine(email, sittingId, now);
        if (invitation.state() != SittingState.INVITED) {
            throw new ConflictException("error.onlineTest.started");
        }
        if (!invitation.stillInStage()) {
            throw new ConflictException("error.onlineTest.notInStage");
        }
        if (now.isBefore(invitation.opensAt())) {
            throw new ConflictException("error.onlineTest.notYetOpen");
        }
        int started = jdbc.sql("""
                update online_test_sitting s
                set started_at = :now,
                    deadline_at = least(cast(:now as timestamptz) + make_interval(mins => t.time_limit_minutes), t.closes_at)
                from online_test t
                where s.id = :sitting and t.id = s.test_id and s.started_at is null
                  and t.closes_at > cast(:now as timestamptz)""")
                .param("now", Timestamp.from(now)).param("sitting", sittingId).update();
        if (started == 0) {
            throw new ConflictException("error.onlineTest.closed");
        }
        return paper(email, sittingId);
    }

    /**
     * Saves the candidate's answer to one question (an empty one clears it) and answers when it was saved. Refused
     * (400) for a question not in the test, a choice the question does not offer, more than one choice where one is
     * asked for, or text over its length; (409) once handed in or out of time.
     */
    @Transactional
    public Instant save(String email, UUID sittingId, Integer position, List<String> answer) {
        Instant now = clock.instant();
        Invitation invitation = mine(email, sittingId, now);
        OnlineTest.TestQuestion question = position == null ? null : questions(invitation.testId()).get(position);
        if (question == null) {
            throw new InvalidInputException("position", "validation.onlineTest.notInTest");
        }
        String[] values = checked(question, answer);
        open(invitation);
        int saved = jdbc.sql("""
                insert into online_test_answer (sitting_id, position, answer, saved_at)
                select s.id, :position, :answer, :now from online_test_sitting s
                where s.id = :sitting and s.submitted_at is null and s.deadline_at > :now
                for share
                on conflict (sitting_id, position) do update set answer = excluded.answer, saved_at = excluded.saved_at""")
                .param("position", position).param("answer", values).param("now", Timestamp.from(now))
                .param("sitting", sittingId).update();
        if (saved == 0) {
            throw new ConflictException("error.onlineTest.timeUp");
        }
        return now;
    }

    /** Hands the test in, and grades it. Refused (409) when it is not running: not started, handed in, or out of time. */
    @Transactional
    public Invitation submit(String email, UUID sittingId) {
        Instant now = clock.instant();
        Invitation invitation = mine(email, sittingId, now);
        open(invitation);
        int submitted = jdbc.sql("""
                update online_test_sitting set submitted_at = ?
                where id = ? and submitted_at is null and deadline_at > ?""")
                .params(Timestamp.from(now), sittingId, Timestamp.from(now)).update();
        if (submitted == 0) {
            throw new ConflictException("error.onlineTest.timeUp");
        }
        tests.grade(new OrganizationId(invitation.organizationId()), invitation.testId(), sittingId);
        return mine(email, sittingId, now);
    }

    private static void open(Invitation invitation) {
        switch (invitation.state()) {
            case IN_PROGRESS -> { }
            case SUBMITTED -> throw new ConflictException("error.onlineTest.submitted");
            case INVITED, MISSED -> throw new ConflictException("error.onlineTest.notStarted");
            case TIMED_OUT -> throw new ConflictException("error.onlineTest.timeUp");
        }
    }

    private static String[] checked(OnlineTest.TestQuestion question, List<String> answer) {
        List<String> given = answer == null ? List.of() : answer.stream()
                .filter(value -> value != null && !value.isBlank()).toList();
        if (question.kind().hasChoices()) {
            LinkedHashSet<String> picked = new LinkedHashSet<>(given);
            if (!question.choices().containsAll(picked)) {
                throw new InvalidInputException("answer", "validation.onlineTest.notAChoice");
            }
            if (question.kind() == QuestionKind.SINGLE_CHOICE && picked.size() > 1) {
                throw new InvalidInputException("answer", "validation.onlineTest.oneChoice");
            }
            return picked.toArray(String[]::new);
        }
        if (given.size() > 1) {
            throw new InvalidInputException("answer", "validation.onlineTest.oneText");
        }
        int max = question.kind() == QuestionKind.ESSAY ? MAX_ESSAY : MAX_SHORT;
        if (!given.isEmpty() && given.get(0).length() > max) {
            throw new InvalidInputException("answer", "validation.tooLong", max);
        }
        return given.isEmpty() ? new String[0] : new String[] {given.get(0).strip()};
    }

    /** The test's questions by position, read once per node. */
    private Map<Integer, OnlineTest.TestQuestion> questions(UUID testId) {
        Map<Integer, OnlineTest.TestQuestion> known = questions.get(testId);
        if (known != null) {
            return known;
        }
        if (questions.size() >= CACHED_TESTS) {
            questions.clear();
        }
        Map<Integer, OnlineTest.TestQuestion> read = new java.util.TreeMap<>();
        OnlineTest test = jdbc.sql("select organization_id from online_test where id = ?").param(testId)
                .query(UUID.class).optional().map(org -> tests.test(new OrganizationId(org), testId))
                .orElseThrow(() -> new NotFoundException("onlineTest"));
        test.questions().forEach(q -> read.put(q.position(), q));
        questions.put(testId, read);
        return read;
    }
}
