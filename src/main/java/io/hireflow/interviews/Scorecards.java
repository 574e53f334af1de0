package io.hireflow.interviews;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.pipeline.ApplicationStatus;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.Transition;
import io.hireflow.pipeline.TransitionAction;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;
import tools.jackson.databind.ObjectMapper;

/**
 * Scorecards and the decision. Each panelist submits one scorecard, once the interview has begun: a rating for every
 * focus attribute of the kit, notes (their kit notes unless they write others), the quiz marks and score as they stand,
 * and an overall recommendation. It cannot be changed afterwards: a scorecard revised after seeing the others' would
 * no longer be independent. A panelist sees the other scorecards only once their own is in; admins, recruiters and
 * hiring managers off the panel see them all once every panelist's is in, or earlier if one of them chooses to reveal
 * them (recorded). Submitting cancels the panelist's reminder, which was scheduled with the interview's invites for a
 * day after its end. The decision passes the application on from the interview's stage or rejects it, through the
 * pipeline, which tells the candidate.
 */
@Service
public class Scorecards {

    static final int MAX_NOTES = InterviewKits.MAX_NOTES;

    /** A rating of a focus attribute, and the overall recommendation. */
    public enum Rating {
        STRONG_NO, NO, YES, STRONG_YES
    }

    /** A scorecard as written: a rating by focus attribute, notes (null: the kit's), a recommendation. */
    public record Draft(Map<String, String> ratings, String notes, String recommendation) {

        public Draft {
            ratings = ratings == null ? Map.of() : ratings;
        }
    }

    public record AttributeRating(String attribute, Rating rating) {
    }

    public record QuizMark(int position, String topic, String prompt, InterviewKits.Mark mark) {
    }

    /** A submitted scorecard. */
    public record Scorecard(UUID id, UUID interviewerId, String interviewerName, List<AttributeRating> ratings,
            String notes, Double quizScore, List<QuizMark> quizMarks, Rating recommendation, Instant submittedAt) {
    }

    /** A panelist and whether their scorecard is in. */
    public record Panelist(UUID userId, String name, String panelRole, boolean submitted) {
    }

    /**
     * An interview's scorecards as the caller may see them. {@code visible}: whether {@code scorecards} holds them (a
     * panelist once theirs is in; deciders off the panel once all are in or they were revealed); {@code mayScore}:
     * whether the caller can submit one now.
     */
    public record Board(UUID interviewId, UUID applicationId, List<String> focusAttributes, List<Panelist> panel,
            boolean onPanel, boolean mayScore, boolean allIn, boolean revealed, boolean visible,
            List<Scorecard> scorecards) {
    }

    /** What the decider chose: {@code PASS} or {@code REJECT} (with a reason code of the organization, or words). */
    public record Decision(String outcome, String reasonCode, String reason, Long version) {
    }

    private final JdbcClient jdbc;
    private final InterviewKits kits;
    private final PipelineManagement pipeline;
    private final ScorecardReminders reminders;
    private final ObjectMapper json;
    private final Clock clock;

    Scorecards(JdbcClient jdbc, InterviewKits kits, PipelineManagement pipeline, ScorecardReminders reminders,
            ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.kits = kits;
        this.pipeline = pipeline;
        this.reminders = reminders;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Submits the caller's scorecard. Every focus attribute needs one of STRONG_NO, NO, YES, STRONG_YES, and the
     * recommendation too: each missing or unknown one is named (400). Refused (409) to anyone off the panel, for an
     * interview not scheduled or not begun, and a second time.
     */
    @Transactional
    public Board submit(Actor actor, UUID interviewId, Draft draft) {
        Interview interview = kits.visible(actor, interviewId);
        OrganizationId organization = actor.organizationId();
        if (!InterviewKits.onPanel(interview, actor.userId())) {
            throw new ConflictException("error.scorecard.notOnPanel");
        }
        if (interview.status() != InterviewStatus.SCHEDULED) {
            throw new ConflictException("error.kit.notScheduled");
        }
        if (interview.startsAt().isAfter(clock.instant())) {
            throw new ConflictException("error.scorecard.notBegun");
        }
        List<String> focus = kits.ensureKit(organization, interview);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> given = new HashMap<>();
        draft.ratings().forEach((attribute, rating) -> given.put(attribute == null ? "" : attribute.strip(), rating));
        List<AttributeRating> ratings = new ArrayList<>();
        for (String attribute : focus) {
            String field = "ratings[" + attribute + "]";
            String value = given.remove(attribute);
            Rating rating = rating(value);
            if (value == null || value.isBlank()) {
                problems.add(new FieldProblem(field, "validation.scorecard.ratingMissing", attribute));
            } else if (rating == null) {
                problems.add(new FieldProblem(field, "validation.oneOf", "STRONG_NO, NO, YES, STRONG_YES"));
            } else {
                ratings.add(new AttributeRating(attribute, rating));
            }
        }
        given.keySet().forEach(other -> problems.add(new FieldProblem("ratings[" + other + "]",
                "validation.scorecard.notAnAttribute")));
        Rating recommendation = rating(draft.recommendation());
        if (draft.recommendation() == null || draft.recommendation().isBlank()) {
            problems.add(new FieldProblem("recommendation", "validation.required"));
        } else if (recommendation == null) {
            problems.add(new FieldProblem("recommendation", "validation.oneOf", "STRONG_NO, NO, YES, STRONG_YES"));
        }
        String notes = draft.notes() != null ? draft.notes().strip() : jdbc.sql(
                "select text from interview_note where interview_id = ? and user_id = ?")
                .params(interviewId, actor.userId()).query(String.class).optional().orElse("");
        if (notes.length() > MAX_NOTES) {
            problems.add(new FieldProblem("notes", "validation.tooLong", MAX_NOTES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<QuizMark> marks = jdbc.sql("""
                select q.position, q.topic, q.prompt, m.mark from interview_quiz_question q
                left join interview_quiz_mark m on m.quiz_question_id = q.id and m.user_id = ?
                where q.interview_id = ? order by q.position""")
                .params(actor.userId(), interviewId)
                .query((rs, row) -> new QuizMark(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : InterviewKits.Mark.valueOf(rs.getString(4)))).list();
        Double score = InterviewKits.score(marks.stream().map(QuizMark::mark).toList());
        UUID id = Ids.newId();
        int inserted = jdbc.sql("""
                insert into scorecard (id, organization_id, interview_id, user_id, recommendation, notes, quiz_score,
                                       quiz_marks, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (interview_id, user_id) do nothing""")
                .params(id, organization.value(), interviewId, actor.userId(), recommendation.name(),
                        notes.isEmpty() ? null : notes, score, json.writeValueAsString(marks),
                        Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw new ConflictException("error.scorecard.submitted");
        }
        for (int i = 0; i < ratings.size(); i++) {
            jdbc.sql("insert into scorecard_rating (scorecard_id, position, attribute, rating) values (?, ?, ?, ?)")
                    .params(id, i, ratings.get(i).attribute(), ratings.get(i).rating().name()).update();
        }
        reminders.cancel(organization, interview, actor.userId());
        return board(actor, interview);
    }

    /** The interview's scorecards as the caller may see them. */
    @Transactional(readOnly = true)
    public Board list(Actor actor, UUID interviewId) {
        return board(actor, kits.visible(actor, interviewId));
    }

    /**
     * A recruiter, admin or hiring manager shows the scorecards to those who decide before every panelist's is in;
     * panelists still see the others' only once their own is in.
     */
    @Transactional
    public Board reveal(Actor actor, UUID interviewId) {
        Interview interview = kits.visible(actor, interviewId);
        kits.ensureKit(actor.organizationId(), interview);
        jdbc.sql("""
                update interview_kit set revealed_at = coalesce(revealed_at, ?), revealed_by = coalesce(revealed_by, ?)
                where interview_id = ?""")
                .params(Timestamp.from(clock.instant()), actor.userId(), interviewId).update();
        return board(actor, interview);
    }

    /**
     * Passes the application on from the interview's stage ({@code PASS}: advance) or rejects it ({@code REJECT},
     * with a reason), through the pipeline, which tells the candidate as the stage's notice says. Refused (409) when
     * the application has left the interview's stage or is not active, or for a stale version.
     */
    @Transactional
    public ApplicationView decide(Actor actor, UUID interviewId, Decision decision) {
        Interview interview = kits.visible(actor, interviewId);
        String outcome = decision.outcome() == null ? "" : decision.outcome().strip().toUpperCase(java.util.Locale.ROOT);
        TransitionAction action = switch (outcome) {
            case "PASS" -> TransitionAction.ADVANCE;
            case "REJECT" -> TransitionAction.REJECT;
            default -> throw new InvalidInputException("outcome", "validation.oneOf", "PASS, REJECT");
        };
        JobApplicationId application = new JobApplicationId(interview.applicationId());
        ApplicationView current = pipeline.application(actor.organizationId(), application);
        if (current.status() != ApplicationStatus.ACTIVE || !current.stageId().value().equals(interview.stageId())) {
            throw new ConflictException("error.decision.movedOn");
        }
        long version = decision.version() == null ? current.version() : decision.version();
        return pipeline.transition(actor, application, new Transition(action, null,
                action == TransitionAction.REJECT ? blankToNull(decision.reasonCode()) : null,
                action == TransitionAction.REJECT ? blankToNull(decision.reason()) : null, version));
    }

    /** How many of an interview's panel have submitted their scorecard. */
    public record Tally(UUID interviewId, UUID applicationId, Instant startsAt, InterviewStatus status, int submitted,
            int panel) {
    }

    /** The tally of every interview of these applications not called off, latest first, in one statement. */
    @Transactional(readOnly = true)
    public List<Tally> tallies(OrganizationId organization, java.util.Collection<UUID> applicationIds) {
        return jdbc.sql("""
                select i.id, i.application_id, i.starts_at, i.status,
                       (select count(*) from scorecard s where s.interview_id = i.id) as submitted,
                       (select count(*) from interview_panelist p where p.interview_id = i.id) as panel
                from interview i
                where i.organization_id = ? and i.application_id = any(?) and i.status <> 'CANCELLED'
                order by i.starts_at desc nulls first""")
                .params(organization.value(), applicationIds.toArray(UUID[]::new))
                .query((rs, row) -> new Tally(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        InterviewStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    private Board board(Actor actor, Interview interview) {
        UUID interviewId = interview.id();
        List<String> focus = jdbc.sql("select focus_attributes from interview_kit where interview_id = ?")
                .param(interviewId).query((rs, row) -> InterviewKits.strings(rs, "focus_attributes")).optional()
                .orElse(List.of());
        boolean revealed = jdbc.sql("select revealed_at is not null from interview_kit where interview_id = ?")
                .param(interviewId).query(Boolean.class).optional().orElse(false);
        Map<UUID, Scorecard> submitted = new LinkedHashMap<>();
        jdbc.sql("""
                select s.*, u.display_name from scorecard s join staff_user u on u.id = s.user_id
                where s.interview_id = ? order by s.submitted_at""")
                .param(interviewId).query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String score = rs.getString("quiz_score");
                    submitted.put(rs.getObject("user_id", UUID.class), new Scorecard(id,
                            rs.getObject("user_id", UUID.class), rs.getString("display_name"), new ArrayList<>(),
                            rs.getString("notes"), score == null ? null : Double.valueOf(score),
                            Arrays.asList(json.readValue(rs.getString("quiz_marks"), QuizMark[].class)),
                            Rating.valueOf(rs.getString("recommendation")),
                            rs.getTimestamp("submitted_at").toInstant()));
                });
        if (!submitted.isEmpty()) {
            Map<UUID, Scorecard> byId = new HashMap<>();
            submitted.values().forEach(card -> byId.put(card.id(), card));
            jdbc.sql("""
                    select scorecard_id, attribute, rating from scorecard_rating
                    where scorecard_id = any(?) order by position""")
                    .param(byId.keySet().toArray(UUID[]::new))
                    .query(rs -> {
                        byId.get(rs.getObject(1, UUID.class)).ratings()
                                .add(new AttributeRating(rs.getString(2), Rating.valueOf(rs.getString(3))));
                    });
        }
        List<Panelist> panel = interview.panel().stream().map(member -> new Panelist(member.userId(), member.name(),
                member.panelRole(), submitted.containsKey(member.userId()))).toList();
        boolean onPanel = InterviewKits.onPanel(interview, actor.userId());
        boolean own = submitted.containsKey(actor.userId());
        boolean allIn = panel.stream().allMatch(Panelist::submitted);
        boolean visible = onPanel ? own
                : actor.hasAny(Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER) && (allIn || revealed);
        boolean mayScore = onPanel && !own && interview.status() == InterviewStatus.SCHEDULED
                && !interview.startsAt().isAfter(clock.instant());
        return new Board(interviewId, interview.applicationId(), focus, panel, onPanel, mayScore, allIn, revealed,
                visible, visible ? List.copyOf(submitted.values()) : List.of());
    }

    private static Rating rating(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(Rating.values()).filter(r -> r.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
