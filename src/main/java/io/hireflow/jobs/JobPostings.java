package io.hireflow.jobs;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.OrganizationId;

/**
 * Jobs on the careers site. Staff set a job's posting details and publish it; each publication is kept as an
 * immutable {@link JobPosting}, and while a job is published every change to it, its pipeline or its apply form's
 * questions publishes a new revision, so the careers site always shows the job as it is and an application keeps the
 * revision it was made to. Closing a job (or setting it back to draft) takes it off the site.
 */
@Service
public class JobPostings {

    private final JdbcClient jdbc;
    private final JobManagement jobs;
    private final JobQuestions questions;
    private final Clock clock;

    JobPostings(JdbcClient jdbc, JobManagement jobs, JobQuestions questions, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.questions = questions;
        this.clock = clock;
    }

    /** A job's posting details, and the posting that is live ({@code null} when the job is not published). */
    public record Listing(PostingDetails details, JobPosting live) {

        public boolean published() {
            return live != null;
        }
    }

    /** What the careers site can be searched by; blank fields do not filter. */
    public record Search(String text, String team, String location, EmploymentType employmentType) {

        public static final Search ALL = new Search(null, null, null, null);

        /** Whether nothing is searched for. */
        public boolean all() {
            return blankToNull(text) == null && blankToNull(team) == null && blankToNull(location) == null
                    && employmentType == null;
        }
    }

    @Transactional(readOnly = true)
    public Listing listing(OrganizationId organization, JobId jobId) {
        jobs.job(organization, jobId);
        return jdbc.sql("select * from job_listing where job_id = ? and organization_id = ?")
                .params(jobId.value(), organization.value())
                .query((rs, row) -> new Listing(details(rs),
                        rs.getObject("posting_id") == null ? null
                                : posting(organization, rs.getObject("posting_id", UUID.class)).orElse(null)))
                .optional().orElse(new Listing(PostingDetails.NONE, null));
    }

    /** Sets the posting details; a published job is published again with them at once. */
    @Transactional
    public Listing updateDetails(Actor actor, JobId jobId, PostingDetails details) {
        jobs.job(actor.organizationId(), jobId);
        if (details.salaryMin() != null && details.salaryMax() != null
                && details.salaryMax() < details.salaryMin()) {
            throw new InvalidInputException("salaryMax", "validation.salary.range");
        }
        String location = details.interviewLocation() == null || details.interviewLocation().isBlank() ? null
                : details.interviewLocation().strip();
        jdbc.sql("""
                insert into job_listing (job_id, organization_id, salary_min, salary_max, apply_until,
                    interview_location)
                values (:job, :org, :min, :max, :until, :location)
                on conflict (job_id) do update set salary_min = :min, salary_max = :max, apply_until = :until,
                    interview_location = :location, version = job_listing.version + 1""")
                .param("job", jobId.value()).param("org", actor.organizationId().value())
                .param("min", details.salaryMin()).param("max", details.salaryMax())
                .param("until", details.applyUntil() == null ? null : Date.valueOf(details.applyUntil()))
                .param("location", location)
                .update();
        refresh(actor.organizationId(), jobId);
        return listing(actor.organizationId(), jobId);
    }

    /** Puts the job on the careers site (an open job only); publishing a published job changes nothing. */
    @Transactional
    public JobPosting publish(Actor actor, JobId jobId) {
        Job job = jobs.job(actor.organizationId(), jobId);
        if (job.status() != JobStatus.OPEN) {
            throw new ConflictException("error.job.notOpen");
        }
        jdbc.sql("""
                insert into job_listing (job_id, organization_id) values (?, ?) on conflict (job_id) do nothing""")
                .params(jobId.value(), actor.organizationId().value()).update();
        return publish(job);
    }

    /** Takes the job off the careers site; its postings stay, for the applications made to them. */
    @Transactional
    public void unpublish(Actor actor, JobId jobId) {
        jobs.job(actor.organizationId(), jobId);
        takeDown(jobId);
    }

    /** A job changed: the careers site follows (a new revision, or off the site when the job is no longer open). */
    @EventListener
    void on(JobManagement.JobChanged changed) {
        refresh(changed.organization(), changed.jobId());
    }

    private void refresh(OrganizationId organization, JobId jobId) {
        boolean live = Boolean.TRUE.equals(jdbc.sql("select posting_id is not null from job_listing where job_id = ?")
                .param(jobId.value()).query(Boolean.class).optional().orElse(false));
        if (!live) {
            return;
        }
        Job job = jobs.job(organization, jobId);
        if (job.status() == JobStatus.OPEN) {
            publish(job);
        } else {
            takeDown(jobId);
        }
    }

    private void takeDown(JobId jobId) {
        jdbc.sql("update job_listing set posting_id = null, version = version + 1 where job_id = ?")
                .param(jobId.value()).update();
    }

    /** The job as it is now, as a new revision unless the live one already reads the same. */
    private JobPosting publish(Job job) {
        Instant now = clock.instant();
        ListingRow listing = jdbc.sql("select * from job_listing where job_id = ? for update")
                .param(job.id().value())
                .query((rs, n) -> new ListingRow(details(rs), rs.getObject("posting_id", UUID.class),
                        rs.getTimestamp("first_published_at")))
                .single();
        PostingDetails details = listing.details();
        UUID liveId = listing.liveId();
        Instant firstPublished = listing.firstPublished() == null ? now : listing.firstPublished().toInstant();
        List<JobPosting.Step> steps = job.stages().stream()
                .map(stage -> new JobPosting.Step(stage.kind(), stage.candidateNameKo(), stage.candidateNameEn()))
                .toList();
        List<JobQuestion> asked = questions.questions(job.id());
        if (liveId != null) {
            JobPosting live = posting(job.organizationId(), liveId).orElseThrow();
            if (sameContent(live, job, details, steps) && live.questions().equals(asked)) {
                return live;
            }
        }
        int revision = jdbc.sql("select coalesce(max(revision), 0) + 1 from job_posting where job_id = ?")
                .param(job.id().value()).query(Integer.class).single();
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into job_posting (id, job_id, organization_id, revision, title, team, locations,
                    employment_type, description, salary_min, salary_max, apply_until, interview_location,
                    stage_kinds, stage_names_ko, stage_names_en, question_ids, question_kinds, question_texts_ko,
                    question_texts_en, question_choices, question_required, published_at)
                values (:id, :job, :org, :revision, :title, :team, :locations, :type, :description, :min, :max,
                    :until, :location, :kinds, :namesKo, :namesEn, cast(:questionIds as uuid[]), :questionKinds,
                    :questionsKo, :questionsEn, :questionChoices, :questionRequired, :now)""")
                .param("id", id).param("job", job.id().value()).param("org", job.organizationId().value())
                .param("revision", revision).param("title", job.title()).param("team", job.team())
                .param("locations", job.locations().toArray(String[]::new))
                .param("type", job.employmentType().name()).param("description", job.description())
                .param("min", details.salaryMin()).param("max", details.salaryMax())
                .param("until", details.applyUntil() == null ? null : Date.valueOf(details.applyUntil()))
                .param("location", details.interviewLocation())
                .param("kinds", steps.stream().map(step -> step.kind().name()).toArray(String[]::new))
                .param("namesKo", steps.stream().map(JobPosting.Step::nameKo).toArray(String[]::new))
                .param("namesEn", steps.stream().map(JobPosting.Step::nameEn).toArray(String[]::new))
                .param("questionIds", asked.stream().map(question -> question.id().toString()).toArray(String[]::new))
                .param("questionKinds", asked.stream().map(question -> question.kind().name()).toArray(String[]::new))
                .param("questionsKo", asked.stream().map(question -> nullToBlank(question.textKo()))
                        .toArray(String[]::new))
                .param("questionsEn", asked.stream().map(question -> nullToBlank(question.textEn()))
                        .toArray(String[]::new))
                .param("questionChoices", asked.stream().map(question -> String.join("\n", question.choices()))
                        .toArray(String[]::new))
                .param("questionRequired", asked.stream().map(JobQuestion::required).toArray(Boolean[]::new))
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                update job_listing set posting_id = :id, first_published_at = :first, version = version + 1
                where job_id = :job""")
                .param("id", id).param("first", Timestamp.from(firstPublished)).param("job", job.id().value())
                .update();
        return posting(job.organizationId(), id).orElseThrow();
    }

    private record ListingRow(PostingDetails details, UUID liveId, Timestamp firstPublished) {
    }

    private static boolean sameContent(JobPosting live, Job job, PostingDetails details, List<JobPosting.Step> steps) {
        return live.title().equals(job.title()) && Objects.equals(live.team(), job.team())
                && live.locations().equals(job.locations()) && live.employmentType() == job.employmentType()
                && live.description().equals(job.description()) && Objects.equals(live.salaryMin(), details.salaryMin())
                && Objects.equals(live.salaryMax(), details.salaryMax())
                && Objects.equals(live.applyUntil(), details.applyUntil())
                && Objects.equals(live.interviewLocation(), details.interviewLocation()) && live.steps().equals(steps);
    }

    // --- the careers site ------------------------------------------------------------------------------------------

    /**
     * The organization's jobs open for applications on {@code today} (its own date), newest first, matching the
     * search: text in the title, team or description; a team; a location; an employment type.
     */
    @Transactional(readOnly = true)
    public List<JobPosting> open(OrganizationId organization, LocalDate today, Search search) {
        String text = blankToNull(search.text());
        return jdbc.sql("""
                select p.*, l.first_published_at from job_listing l join job_posting p on p.id = l.posting_id
                where l.organization_id = :org and (p.apply_until is null or p.apply_until >= :today)
                  and (cast(:text as text) is null or p.title ilike :pattern or p.team ilike :pattern
                       or p.description ilike :pattern)
                  and (cast(:team as text) is null or p.team = :team)
                  and (cast(:location as text) is null or :location = any(p.locations))
                  and (cast(:type as text) is null or p.employment_type = :type)
                order by l.first_published_at desc, p.title""")
                .param("org", organization.value()).param("today", Date.valueOf(today)).param("text", text)
                .param("pattern", text == null ? null : "%" + likeEscaped(text) + "%")
                .param("team", blankToNull(search.team())).param("location", blankToNull(search.location()))
                .param("type", search.employmentType() == null ? null : search.employmentType().name())
                .query(JobPostings::postingRow).list();
    }

    /** The live posting of a job, whether or not applications are still open. */
    @Transactional(readOnly = true)
    public Optional<JobPosting> live(OrganizationId organization, JobId jobId) {
        return jdbc.sql("""
                select p.*, l.first_published_at from job_listing l join job_posting p on p.id = l.posting_id
                where l.organization_id = ? and l.job_id = ?""")
                .params(organization.value(), jobId.value()).query(JobPostings::postingRow).optional();
    }

    /** One revision of a job's posting, live or not: what an application was made to. */
    @Transactional(readOnly = true)
    public Optional<JobPosting> posting(OrganizationId organization, UUID postingId) {
        return jdbc.sql("""
                select p.*, l.first_published_at from job_posting p join job_listing l on l.job_id = p.job_id
                where p.organization_id = ? and p.id = ?""")
                .params(organization.value(), postingId).query(JobPostings::postingRow).optional();
    }

    private static PostingDetails details(ResultSet rs) throws SQLException {
        Date until = rs.getDate("apply_until");
        return new PostingDetails((Long) rs.getObject("salary_min"), (Long) rs.getObject("salary_max"),
                until == null ? null : until.toLocalDate(), rs.getString("interview_location"));
    }

    private static JobPosting postingRow(ResultSet rs, int row) throws SQLException {
        List<String> kinds = strings(rs.getArray("stage_kinds"));
        List<String> namesKo = strings(rs.getArray("stage_names_ko"));
        List<String> namesEn = strings(rs.getArray("stage_names_en"));
        List<JobPosting.Step> steps = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            steps.add(new JobPosting.Step(StageKind.valueOf(kinds.get(i)), namesKo.get(i), namesEn.get(i)));
        }
        PostingDetails details = details(rs);
        Timestamp first = rs.getTimestamp("first_published_at");
        UUID[] questionIds = (UUID[]) rs.getArray("question_ids").getArray();
        List<String> questionKinds = strings(rs.getArray("question_kinds"));
        List<String> questionsKo = strings(rs.getArray("question_texts_ko"));
        List<String> questionsEn = strings(rs.getArray("question_texts_en"));
        List<String> questionChoices = strings(rs.getArray("question_choices"));
        Boolean[] questionRequired = (Boolean[]) rs.getArray("question_required").getArray();
        List<JobQuestion> questions = new ArrayList<>();
        for (int i = 0; i < questionIds.length; i++) {
            questions.add(new JobQuestion(questionIds[i], i + 1, QuestionKind.valueOf(questionKinds.get(i)),
                    blankToNull(questionsKo.get(i)), blankToNull(questionsEn.get(i)),
                    questionChoices.get(i).isEmpty() ? List.of() : List.of(questionChoices.get(i).split("\n")),
                    questionRequired[i]));
        }
        return new JobPosting(rs.getObject("id", UUID.class), new JobId(rs.getObject("job_id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getInt("revision"),
                rs.getString("title"), rs.getString("team"), strings(rs.getArray("locations")),
                EmploymentType.valueOf(rs.getString("employment_type")), rs.getString("description"),
                details.salaryMin(), details.salaryMax(), details.applyUntil(), details.interviewLocation(),
                List.copyOf(steps), rs.getTimestamp("published_at").toInstant(),
                first == null ? rs.getTimestamp("published_at").toInstant() : first.toInstant(),
                List.copyOf(questions));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static String nullToBlank(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
