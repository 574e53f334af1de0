package io.hireflow.assessments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.assessments.AssignmentTemplate.Criterion;
import io.hireflow.assessments.AssignmentTemplate.LatePolicy;
import io.hireflow.assessments.AssignmentTemplate.Submission;
import io.hireflow.candidates.CandidateDocument;
import io.hireflow.candidates.CandidateDocuments;
import io.hireflow.candidates.DocumentKind;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.StaffUserView;
import io.hireflow.notifications.MessageEvent;
import io.hireflow.notifications.MessageStatus;
import io.hireflow.notifications.NotificationManagement;
import io.hireflow.notifications.OutboundMessage;
import io.hireflow.pipeline.ApplicationMoved;
import io.hireflow.pipeline.ApplicationStatus;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.TimelineEventType;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.Minutes;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;

/**
 * Applications' take-home assignments. Scheduling one writes the message that releases it (the template's
 * instructions, link and deadline, in the candidate's language) to the outbox for the chosen minute: the outbox sends
 * it once, at that minute, whichever node is up, after any restart; and as a scheduled message it is a promise, so
 * the watch alerts the job's recruiters when it has not gone a minute after its time. Skipping the stage (the
 * pipeline's skip move) waives the assignment in the same transaction: a release not yet gone is cancelled, and the
 * candidate is told of the skip by the move's own notice.
 * <p>
 * The candidate hands it in once, as the template asks (a link, files, or both); each reviewer on the template is
 * emailed in the hand-in's transaction. Each reviewer then submits one review, a score for every line of the rubric;
 * a reviewer sees the others' scores only once they have submitted their own, and the hiring team's deciders see every
 * submitted review. It is reviewed when every reviewer on the template has submitted.
 */
@Service
public class Assignments {

    /** The most files one hand-in takes. */
    public static final int MAX_FILES = 5;
    static final int MAX_NOTE = 2_000;

    private final JdbcClient jdbc;
    private final AssignmentTemplates templates;
    private final PipelineManagement pipeline;
    private final NotificationManagement notifications;
    private final CandidateDocuments documents;
    private final IdentityManagement identity;
    private final AccessLog accessLog;
    private final Clock clock;

    Assignments(JdbcClient jdbc, AssignmentTemplates templates, PipelineManagement pipeline,
            NotificationManagement notifications, CandidateDocuments documents, IdentityManagement identity,
            AccessLog accessLog, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.pipeline = pipeline;
        this.notifications = notifications;
        this.documents = documents;
        this.identity = identity;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Where an application's assignment stands. */
    public enum State {
        /** Its release is set for a minute still to come (or just come). */
        SCHEDULED,
        /** The candidate has the instructions; the deadline is to come. */
        RELEASED,
        /** Released, and its deadline has passed with nothing handed in. */
        EXPIRED,
        /** The candidate handed it in; not every reviewer has submitted a review. */
        SUBMITTED,
        /** Handed in, and every reviewer on the template has submitted a review. */
        REVIEWED,
        /** Its stage was skipped. */
        WAIVED,
        /** Its release was cancelled by hand, or could not be delivered. */
        NOT_RELEASED
    }

    /** A file the candidate handed in: kept as one of their documents, named as their computer named it. */
    public record HandedInFile(UUID documentId, String name, String mediaType, int sizeBytes) {
    }

    /**
     * An application's assignment: its template, when it is (or was) released, when it is due, its state, what is
     * handed in ({@code submission}), and what the candidate handed in (the link, the files, when, whether late).
     */
    public record Assignment(UUID id, UUID applicationId, UUID templateId, String title, String resourceUrl,
            Instant releaseAt, Instant dueAt, State state, Instant waivedAt, UUID messageId, Submission submission,
            String submissionLink, List<HandedInFile> files, Instant submittedAt, boolean submittedLate,
            boolean lateAccepted) {

        /** Whether the candidate can hand it in now. */
        public boolean open() {
            return state == State.RELEASED || state == State.EXPIRED && lateAccepted;
        }

        /** Whether a hand-in has a link. */
        public boolean takesLink() {
            return submission != Submission.FILES;
        }

        /** Whether a hand-in has files. */
        public boolean takesFiles() {
            return submission != Submission.LINK;
        }
    }

    /**
     * An assignment as its row and its template say, with how many of the template's reviewers have submitted: all
     * its state needs, for one application or a whole board.
     */
    record Current(UUID id, UUID applicationId, UUID templateId, String title, String resourceUrl, Instant releaseAt,
            Instant dueAt, Instant waivedAt, UUID messageId, Submission submission, String link, Instant submittedAt,
            boolean late, boolean lateAccepted, int reviewers, int reviewed, State state) {

        Current withState(State state) {
            return new Current(id, applicationId, templateId, title, resourceUrl, releaseAt, dueAt, waivedAt,
                    messageId, submission, link, submittedAt, late, lateAccepted, reviewers, reviewed, state);
        }

        Assignment assignment(List<HandedInFile> files) {
            return new Assignment(id, applicationId, templateId, title, resourceUrl, releaseAt, dueAt, state,
                    waivedAt, messageId, submission, link, List.copyOf(files), submittedAt, late, lateAccepted);
        }
    }

    /**
     * Schedules the release of the assignment of the stage the application is in, at {@code releaseAt} (dropped to
     * its minute; null is now). Refused when the application is not active in a stage with an assignment (409), when
     * it has this assignment already (409), or for a minute that has passed (400).
     */
    @Transactional
    public Assignment schedule(Actor actor, UUID applicationId, Instant releaseAt) {
        OrganizationId organization = actor.organizationId();
        ApplicationView application = pipeline.application(organization, new JobApplicationId(applicationId));
        Instant now = clock.instant();
        Instant release = releaseAt == null ? now.truncatedTo(ChronoUnit.MINUTES)
                : Minutes.notPast(releaseAt, now, "releaseAt");
        if (application.status() != ApplicationStatus.ACTIVE) {
            throw new ConflictException("error.assignment.notActive");
        }
        AssignmentTemplate template = templates.forStage(organization, application.stageId().value())
                .orElseThrow(() -> new ConflictException("error.assignment.noneInStage"));
        Instant due = release.plus(Duration.ofHours(template.durationHours()));
        // the message's key makes a second scheduling find the first's message, and the row's key refuses it
        OutboundMessage message = notifications.promise(actor, application, MessageEvent.ASSIGNMENT_RELEASED,
                Map.of("assignmentTitle", template.title(), "assignmentLink",
                        template.resourceUrl() == null ? "" : template.resourceUrl()),
                Map.of("submissionDeadline", due), release.isAfter(now) ? release : null,
                "assignment/" + applicationId + "/" + template.id());
        int added = jdbc.sql("""
                insert into assignment (id, organization_id, application_id, template_id, stage_id, release_at,
                                        due_at, message_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (application_id, template_id) do nothing""")
                .params(Ids.newId(), organization.value(), applicationId, template.id(),
                        application.stageId().value(), Timestamp.from(release), Timestamp.from(due), message.id(),
                        Timestamp.from(now))
                .update();
        if (added == 0) {
            throw new ConflictException("error.assignment.scheduled");
        }
        return assignment(organization, applicationId).orElseThrow();
    }

    /** The application's latest assignment, if it has one, with the files handed in. */
    @Transactional(readOnly = true)
    public Optional<Assignment> assignment(OrganizationId organization, UUID applicationId) {
        return Optional.ofNullable(current(organization, List.of(applicationId)).get(applicationId))
                .map(current -> current.assignment(files(organization, current)));
    }

    /**
     * Of these applications, those active in a stage with an assignment template and without that assignment yet:
     * the recruiter is to release it (one statement).
     */
    @Transactional(readOnly = true)
    List<UUID> toRelease(OrganizationId organization, Collection<UUID> applicationIds) {
        return jdbc.sql("""
                select a.id from job_application a join assignment_template t on t.stage_id = a.stage_id
                where a.organization_id = ? and a.id = any(?) and a.status = 'ACTIVE'
                  and not exists (select 1 from assignment x where x.application_id = a.id and x.template_id = t.id)""")
                .params(organization.value(), applicationIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /**
     * The latest assignment of each of these applications that has one, with its state, in two statements however
     * many there are: the assignments with their templates and review counts, then the statuses of the releases
     * whose state hangs on them.
     */
    @Transactional(readOnly = true)
    Map<UUID, Current> current(OrganizationId organization, Collection<UUID> applicationIds) {
        Map<UUID, Current> found = new LinkedHashMap<>();
        if (applicationIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select distinct on (a.application_id) a.*, t.title, t.resource_url, t.late_policy, t.submission,
                       cardinality(t.reviewer_ids) as reviewers,
                       (select count(*) from assignment_review r
                        where r.assignment_id = a.id and r.reviewer_id = any(t.reviewer_ids)) as reviewed
                from assignment a join assignment_template t on t.id = a.template_id
                where a.organization_id = ? and a.application_id = any(?)
                order by a.application_id, a.created_at desc""")
                .params(organization.value(), applicationIds.toArray(UUID[]::new))
                .query(Assignments::row).list()
                .forEach(current -> found.put(current.applicationId(), current));
        // waived and handed in are the assignment's own; released or not is its message's
        Map<UUID, MessageStatus> releases = notifications.statuses(organization, found.values().stream()
                .filter(current -> current.waivedAt() == null && current.submittedAt() == null)
                .map(Current::messageId).toList());
        Instant now = clock.instant();
        found.replaceAll((application, current) -> current.withState(state(current,
                releases.getOrDefault(current.messageId(), MessageStatus.CANCELLED), now)));
        return found;
    }

    private static State state(Current current, MessageStatus release, Instant now) {
        if (current.waivedAt() != null) {
            return State.WAIVED;
        }
        if (current.submittedAt() != null) {
            return current.reviewers() > 0 && current.reviewed() >= current.reviewers() ? State.REVIEWED
                    : State.SUBMITTED;
        }
        return switch (release) {
            case SENT -> now.isAfter(current.dueAt()) ? State.EXPIRED : State.RELEASED;
            case CANCELLED, DEAD, WITHHELD -> State.NOT_RELEASED;
            default -> State.SCHEDULED;
        };
    }

    private List<HandedInFile> files(OrganizationId organization, Current current) {
        List<UUID> ids = jdbc.sql("select document_id from assignment_file where assignment_id = ? order by position")
                .param(current.id()).query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        ApplicationView application = pipeline.application(organization,
                new JobApplicationId(current.applicationId()));
        Map<UUID, CandidateDocument> byId = documents.documentsOf(organization, application.candidateId()).stream()
                .collect(Collectors.toMap(CandidateDocument::id, document -> document));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull)
                .map(document -> new HandedInFile(document.id(), document.originalName(), document.mediaType(),
                        document.sizeBytes()))
                .toList();
    }

    /** A file as it came in a form: the name the browser gave it, and its bytes (not yet checked). */
    public record Upload(String originalName, byte[] bytes) {
    }

    /**
     * The candidate hands the released assignment in, as its template asks: a link to a repository or pull request,
     * files (PDF or Word, checked by their bytes as every candidate document is), or both. Input that does not fit is
     * refused with each problem named (400) and nothing stored. After the deadline a hand-in is refused (409) or taken
     * and marked late, as the template says; it is handed in once. Each reviewer on the template is emailed in the same
     * transaction, with a link to the application page at {@code baseUrl}.
     */
    @Transactional
    public Assignment submit(OrganizationId organization, UUID applicationId, String link, List<Upload> files,
            String baseUrl) {
        Current current = Optional.ofNullable(current(organization, List.of(applicationId)).get(applicationId))
                .orElseThrow(() -> new NotFoundException("assignment"));
        List<FieldProblem> problems = new ArrayList<>();
        String url = link == null || link.isBlank() ? null : link.strip();
        boolean takesLink = current.submission() != Submission.FILES;
        boolean takesFiles = current.submission() != Submission.LINK;
        if (takesLink && url == null) {
            problems.add(new FieldProblem("link", "validation.required"));
        } else if (!takesLink && url != null) {
            problems.add(new FieldProblem("link", "validation.assignment.noLink"));
        } else if (url != null && (url.length() > AssignmentTemplates.MAX_URL
                || !AssignmentTemplates.isWebAddress(url))) {
            problems.add(new FieldProblem("link", "validation.url"));
        }
        List<Upload> given = files == null ? List.of() : files.stream()
                .filter(file -> file != null && file.bytes() != null
                        && (file.bytes().length > 0 || file.originalName() != null && !file.originalName().isBlank()))
                .toList();
        List<CandidateDocuments.Checked> checked = new ArrayList<>();
        if (!takesFiles && !given.isEmpty()) {
            problems.add(new FieldProblem("files", "validation.assignment.noFiles"));
        } else if (takesFiles && given.isEmpty()) {
            problems.add(new FieldProblem("files", "validation.assignment.files"));
        } else if (given.size() > MAX_FILES) {
            problems.add(new FieldProblem("files", "validation.file.tooMany", MAX_FILES));
        } else {
            for (int i = 0; i < given.size(); i++) {
                try {
                    checked.add(CandidateDocuments.check("files[" + i + "]", given.get(i).bytes()));
                } catch (InvalidInputException refusal) {
                    problems.addAll(refusal.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (current.submittedAt() != null) {
            throw new ConflictException("error.assignment.submitted");
        }
        Assignment before = current.assignment(List.of());
        if (!before.open()) {
            throw new ConflictException(before.state() == State.EXPIRED ? "error.assignment.late"
                    : "error.assignment.notOpen");
        }
        Instant now = clock.instant();
        int handedIn = jdbc.sql("""
                update assignment set submission_link = ?, submitted_at = ?, submitted_late = ?
                where id = ? and submitted_at is null""")
                .params(url, Timestamp.from(now), now.isAfter(current.dueAt()), current.id()).update();
        if (handedIn == 0) {
            // another request handed it in between the look and now
            throw new ConflictException("error.assignment.submitted");
        }
        ApplicationView application = pipeline.application(organization, new JobApplicationId(applicationId));
        for (int i = 0; i < checked.size(); i++) {
            CandidateDocument document = documents.store(organization, application.candidateId(), applicationId,
                    DocumentKind.ASSIGNMENT, given.get(i).originalName(), checked.get(i));
            jdbc.sql("insert into assignment_file (assignment_id, document_id, position) values (?, ?, ?)")
                    .params(current.id(), document.id(), i).update();
        }
        AssignmentTemplate template = templates.template(organization, current.templateId());
        notifications.tellStaff(organization, application, MessageEvent.ASSIGNMENT_SUBMITTED,
                template.reviewerIds(), Map.of("assignmentTitle", current.title(), "applicationLink",
                        trimSlash(baseUrl) + "/applications/" + applicationId),
                Map.of("submittedAt", now, "submissionDeadline", current.dueAt()),
                "assignment/" + current.id() + "/submitted");
        return assignment(organization, applicationId).orElseThrow();
    }

    private static String trimSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    // --- reviews ---------------------------------------------------------------------------------------------------

    /** One line of a reviewer's review: the rubric line as it read when the review was submitted, and its score. */
    public record Score(UUID criterionId, String criterion, int maxScore, int score, String note) {
    }

    /** A reviewer's submitted review, with its total out of the rubric's. */
    public record Review(UUID reviewerId, String reviewerName, List<Score> scores, int total, int maxTotal,
            String note, Instant submittedAt) {
    }

    /** A reviewer on the template, and whether they have submitted their review (not what it says). */
    public record Reviewer(UUID userId, String name, boolean submitted) {
    }

    /**
     * The reviews of an assignment as one member of staff may see them. {@code reviewers}: who reviews it and who has
     * submitted; {@code reviewer}: whether the caller is one of them; {@code mayScore}: whether the caller can submit
     * a review now; {@code scoresVisible}: whether the caller sees the submitted reviews (a reviewer once they have
     * submitted their own; an admin, recruiter or hiring manager who does not review it, always; anyone else, never),
     * and if so {@code reviews} holds them; {@code rubric}: the lines a review scores.
     */
    public record Reviews(List<Reviewer> reviewers, boolean reviewer, boolean mayScore, boolean scoresVisible,
            List<Review> reviews, List<Criterion> rubric) {
    }

    /** The assignment's reviews as the caller may see them; the look is recorded in the access log. */
    @Transactional
    public Reviews reviews(Actor actor, UUID applicationId) {
        Current current = currentOf(actor.organizationId(), applicationId);
        accessLog.applications(actor, AccessLog.Action.VIEW_APPLICATION, "assignment of application "
                + applicationId, List.of(applicationId));
        return reviews(actor, current);
    }

    private Reviews reviews(Actor actor, Current current) {
        AssignmentTemplate template = templates.template(actor.organizationId(), current.templateId());
        List<Review> submitted = submittedReviews(actor.organizationId(), current.id());
        Set<UUID> submittedBy = submitted.stream().map(Review::reviewerId).collect(Collectors.toSet());
        Map<UUID, String> names = names(actor.organizationId());
        List<Reviewer> reviewers = template.reviewerIds().stream()
                .map(id -> new Reviewer(id, names.getOrDefault(id, ""), submittedBy.contains(id))).toList();
        boolean reviewer = actor.userId() != null && template.reviewerIds().contains(actor.userId());
        boolean own = submittedBy.contains(actor.userId());
        boolean mayScore = reviewer && !own && current.state() == State.SUBMITTED;
        boolean visible = reviewer ? own : actor.hasAny(Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER);
        return new Reviews(reviewers, reviewer, mayScore, visible, visible ? submitted : List.of(),
                template.criteria());
    }

    /** The rubric lines a review of the application's assignment scores now: its template's. */
    @Transactional(readOnly = true)
    public List<Criterion> rubric(OrganizationId organization, UUID applicationId) {
        return templates.template(organization, currentOf(organization, applicationId).templateId()).criteria();
    }

    /** A score for one line of the rubric, as given. */
    public record ScoreDraft(UUID criterionId, Integer score, String note) {
    }

    /** A review as given: a score for every line of the rubric, and a note on the whole (optional). */
    public record ReviewDraft(List<ScoreDraft> scores, String note) {
    }

    /**
     * A reviewer on the template submits their review of the handed-in assignment: a score from 0 to its maximum for
     * every line of the rubric, each with an optional note, and an optional note on the whole. It is submitted once:
     * a second is refused (409), as is one from anyone not on the template's reviewers (409) or before the hand-in
     * (409); a review that leaves a line out, scores a line twice, names a line not in the rubric or scores outside
     * 0 to the maximum is refused with each problem named (400), and nothing is stored. Answers the reviews as the
     * caller now sees them (all submitted ones).
     */
    @Transactional
    public Reviews score(Actor actor, UUID applicationId, ReviewDraft draft) {
        OrganizationId organization = actor.organizationId();
        Current current = currentOf(organization, applicationId);
        AssignmentTemplate template = templates.template(organization, current.templateId());
        if (actor.userId() == null || !template.reviewerIds().contains(actor.userId())) {
            throw new ConflictException("error.assignment.notReviewer");
        }
        List<Score> scores = checked(template.criteria(), draft);
        if (current.state() == State.WAIVED) {
            throw new ConflictException("error.assignment.waived");
        }
        if (current.submittedAt() == null) {
            throw new ConflictException("error.assignment.notSubmitted");
        }
        Instant now = clock.instant();
        String note = draft == null ? null : FieldChecks.blankToNull(draft.note());
        int added = jdbc.sql("""
                insert into assignment_review (assignment_id, reviewer_id, note, submitted_at) values (?, ?, ?, ?)
                on conflict (assignment_id, reviewer_id) do nothing""")
                .params(current.id(), actor.userId(), note, Timestamp.from(now)).update();
        if (added == 0) {
            throw new ConflictException("error.assignment.reviewed");
        }
        for (int i = 0; i < scores.size(); i++) {
            Score score = scores.get(i);
            jdbc.sql("""
                    insert into assignment_score (assignment_id, reviewer_id, position, criterion_id, criterion_name,
                                                  max_score, score, note)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(current.id(), actor.userId(), i, score.criterionId(), score.criterion(), score.maxScore(),
                            score.score(), score.note())
                    .update();
        }
        accessLog.applications(actor, AccessLog.Action.REVIEW_ASSIGNMENT, "assignment of application "
                + applicationId, List.of(applicationId));
        return reviews(actor, currentOf(organization, applicationId));
    }

    /** The review's scores in the rubric's order, or every problem with it. */
    private static List<Score> checked(List<Criterion> rubric, ReviewDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ScoreDraft> given = draft == null || draft.scores() == null ? List.of() : draft.scores();
        if (draft != null && draft.note() != null && draft.note().strip().length() > MAX_NOTE) {
            problems.add(new FieldProblem("note", "validation.tooLong", MAX_NOTE));
        }
        Map<UUID, Criterion> lines = rubric.stream().collect(Collectors.toMap(Criterion::id, line -> line));
        Map<UUID, Score> byLine = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            ScoreDraft score = given.get(i);
            String field = "scores[" + i + "]";
            if (score == null || score.criterionId() == null) {
                problems.add(new FieldProblem(field + ".criterionId", "validation.required"));
                continue;
            }
            Criterion line = lines.get(score.criterionId());
            if (line == null) {
                problems.add(new FieldProblem(field + ".criterionId", "validation.assignment.score.criterion"));
                continue;
            }
            if (byLine.containsKey(line.id())) {
                problems.add(new FieldProblem(field + ".criterionId", "validation.assignment.score.twice",
                        line.name()));
                continue;
            }
            String note = FieldChecks.blankToNull(score.note());
            if (note != null && note.length() > MAX_NOTE) {
                problems.add(new FieldProblem(field + ".note", "validation.tooLong", MAX_NOTE));
            }
            if (score.score() == null) {
                problems.add(new FieldProblem(field + ".score", "validation.assignment.score.required",
                        line.name()));
            } else if (score.score() < 0 || score.score() > line.maxScore()) {
                problems.add(new FieldProblem(field + ".score", "validation.assignment.score.range", line.name(),
                        line.maxScore()));
            } else {
                byLine.put(line.id(), new Score(line.id(), line.name(), line.maxScore(), score.score(), note));
            }
        }
        for (Criterion line : rubric) {
            boolean named = given.stream().anyMatch(score -> score != null && line.id().equals(score.criterionId()));
            if (!named) {
                problems.add(new FieldProblem("scores", "validation.assignment.score.missing", line.name()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rubric.stream().map(line -> byLine.get(line.id())).toList();
    }

    private List<Review> submittedReviews(OrganizationId organization, UUID assignmentId) {
        Map<UUID, String> names = names(organization);
        Map<UUID, List<Score>> scores = new HashMap<>();
        jdbc.sql("""
                select reviewer_id, criterion_id, criterion_name, max_score, score, note from assignment_score
                where assignment_id = ? order by reviewer_id, position""")
                .param(assignmentId)
                .query(rs -> {
                    scores.computeIfAbsent(rs.getObject("reviewer_id", UUID.class), key -> new ArrayList<>())
                            .add(new Score(rs.getObject("criterion_id", UUID.class), rs.getString("criterion_name"),
                                    rs.getInt("max_score"), rs.getInt("score"), rs.getString("note")));
                });
        return jdbc.sql("""
                select reviewer_id, note, submitted_at from assignment_review where assignment_id = ?
                order by submitted_at, reviewer_id""")
                .param(assignmentId)
                .query((rs, row) -> {
                    UUID reviewer = rs.getObject("reviewer_id", UUID.class);
                    List<Score> lines = scores.getOrDefault(reviewer, List.of());
                    return new Review(reviewer, names.getOrDefault(reviewer, ""), List.copyOf(lines),
                            lines.stream().mapToInt(Score::score).sum(),
                            lines.stream().mapToInt(Score::maxScore).sum(), rs.getString("note"),
                            rs.getTimestamp("submitted_at").toInstant());
                })
                .list();
    }

    private Map<UUID, String> names(OrganizationId organization) {
        return identity.users(organization).stream()
                .collect(Collectors.toMap(StaffUserView::id, StaffUserView::displayName));
    }

    private Current currentOf(OrganizationId organization, UUID applicationId) {
        return Optional.ofNullable(current(organization, List.of(applicationId)).get(applicationId))
                .orElseThrow(() -> new NotFoundException("assignment"));
    }

    private static Current row(ResultSet rs, int row) throws SQLException {
        return new Current(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("template_id", UUID.class), rs.getString("title"), rs.getString("resource_url"),
                instant(rs.getTimestamp("release_at")), instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("waived_at")), rs.getObject("message_id", UUID.class),
                Submission.valueOf(rs.getString("submission")), rs.getString("submission_link"),
                instant(rs.getTimestamp("submitted_at")), rs.getBoolean("submitted_late"),
                LatePolicy.ACCEPT_MARKED_LATE.name().equals(rs.getString("late_policy")), rs.getInt("reviewers"),
                rs.getInt("reviewed"), null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Skipping an assignment's stage waives it; a release that has not gone is cancelled with the move. */
    @EventListener
    void on(ApplicationMoved moved) {
        if (moved.type() != TimelineEventType.SKIPPED) {
            return;
        }
        jdbc.sql("""
                update assignment set waived_at = ?
                where organization_id = ? and application_id = ? and stage_id = ? and waived_at is null
                returning message_id""")
                .params(Timestamp.from(moved.at()), moved.organizationId().value(), moved.applicationId().value(),
                        moved.fromStageId().value())
                .query(UUID.class).list()
                .forEach(message -> notifications.cancelIfNotGone(moved.organizationId(), message));
    }
}
