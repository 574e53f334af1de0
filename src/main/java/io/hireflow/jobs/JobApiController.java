package io.hireflow.jobs;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.OneOf;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Job openings, their pipelines and hiring teams")
class JobApiController {

    private final JobManagement jobs;
    private final JobPostings postings;
    private final JobQuestions questions;
    private final IdentityManagement identity;

    JobApiController(JobManagement jobs, JobPostings postings, JobQuestions questions, IdentityManagement identity) {
        this.jobs = jobs;
        this.postings = postings;
        this.questions = questions;
        this.identity = identity;
    }

    /**
     * A new job. {@code location} (one) and {@code locations} (several) are both accepted. Without {@code stages} the
     * pipeline is copied from {@code templateId}, or from the organization's default template.
     */
    record CreateJobRequest(
            @NotBlank @Size(max = 120) String title,
            @Size(max = 80) String team,
            @Size(max = 120) String location,
            @Size(max = 10) List<@NotBlank @Size(max = 120) String> locations,
            @NotBlank @OneOf(EmploymentType.class) String employmentType,
            @Size(max = 20000) String description,
            @Min(1) @Max(10000) Integer headcount,
            @OneOf(JobStatus.class) String status,
            UUID templateId,
            @Size(max = 20) List<@Valid StagePlan> stages) {
    }

    record UpdateJobRequest(
            @NotBlank @Size(max = 120) String title,
            @Size(max = 80) String team,
            @Size(max = 120) String location,
            @Size(max = 10) List<@NotBlank @Size(max = 120) String> locations,
            @NotBlank @OneOf(EmploymentType.class) String employmentType,
            @Size(max = 20000) String description,
            @NotNull @Min(1) @Max(10000) Integer headcount,
            @NotBlank @OneOf(JobStatus.class) String status,
            @NotNull Long version) {
    }

    record PipelineRequest(@NotNull @Size(min = 2, max = 20) List<@Valid @NotNull StagePlan> stages, Long version) {
    }

    record TeamRequest(List<UUID> recruiters, List<UUID> hiringManagers, List<UUID> interviewers) {
    }

    record StageResponse(UUID id, String name, StageKind kind, int position, String candidateNameKo,
            String candidateNameEn, Integer deadlineDays) {
    }

    record MemberResponse(UUID userId, String name, TeamRole role) {
    }

    /**
     * The job on the careers site: the posting details, and while it is published the live revision and its public
     * address.
     */
    record PostingResponse(boolean published, Integer revision, Instant publishedAt, Long salaryMin, Long salaryMax,
            LocalDate applyUntil, String interviewLocation) {

        static PostingResponse of(JobPostings.Listing listing) {
            PostingDetails details = listing.details();
            return new PostingResponse(listing.published(), listing.published() ? listing.live().revision() : null,
                    listing.published() ? listing.live().publishedAt() : null, details.salaryMin(),
                    details.salaryMax(), details.applyUntil(), details.interviewLocation());
        }
    }

    record JobResponse(UUID id, String title, String team, String location, List<String> locations,
            EmploymentType employmentType, String description, int headcount, JobStatus status, Instant createdAt,
            Instant updatedAt, long version, List<StageResponse> stages, List<MemberResponse> hiringTeam,
            String careersUrl, PostingResponse posting) {

        static JobResponse of(Job job, JobPostings.Listing listing, String careersUrl) {
            return new JobResponse(job.id().value(), job.title(), job.team(),
                    job.locations().isEmpty() ? null : job.locations().get(0), job.locations(), job.employmentType(),
                    job.description(), job.headcount(), job.status(), job.createdAt(), job.updatedAt(), job.version(),
                    job.stages().stream().map(stage -> new StageResponse(stage.id().value(), stage.name(),
                            stage.kind(), stage.position(), stage.candidateNameKo(), stage.candidateNameEn(),
                            stage.deadlineDays())).toList(),
                    job.hiringTeam().stream().map(member -> new MemberResponse(member.userId(), member.name(),
                            member.role())).toList(),
                    listing.published() ? careersUrl : null, PostingResponse.of(listing));
        }
    }

    /** The job with its posting and, while it is published, its address on the careers site. */
    private JobResponse response(Actor actor, Job job) {
        JobPostings.Listing listing = postings.listing(actor.organizationId(), job.id());
        String url = listing.published() ? CareersPaths.job(ServletUriComponentsBuilder.fromCurrentContextPath()
                .toUriString(), identity.organization(actor.organizationId()).slug(), job.id()) : null;
        return JobResponse.of(job, listing, url);
    }

    /** The questions of a job's apply form, the whole list in order. */
    record QuestionsRequest(@NotNull @Size(max = JobQuestions.MAX_QUESTIONS) List<@Valid QuestionPlan> questions) {
    }

    record QuestionResponse(UUID id, int position, QuestionKind kind, String textKo, String textEn,
            List<String> choices, boolean required) {

        static QuestionResponse of(JobQuestion question) {
            return new QuestionResponse(question.id(), question.position(), question.kind(), question.textKo(),
                    question.textEn(), question.kind().hasChoices() ? question.choices() : null, question.required());
        }
    }

    record QuestionsResponse(List<QuestionResponse> questions) {

        static QuestionsResponse of(List<JobQuestion> questions) {
            return new QuestionsResponse(questions.stream().map(QuestionResponse::of).toList());
        }
    }

    record JobSummaryResponse(UUID id, String title, String team, List<String> locations,
            EmploymentType employmentType, JobStatus status, int headcount, Instant createdAt,
            long activeApplications) {
    }

    @PostMapping
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "createJob", summary = "Open a job with its pipeline")
    ResponseEntity<JobResponse> create(Actor actor, @Valid @RequestBody CreateJobRequest request) {
        Job job = jobs.createJob(actor, new CreateJob(request.title(), request.team(),
                locations(request.location(), request.locations()),
                EnumNames.parse(EmploymentType.class, request.employmentType()), request.description(),
                request.headcount(), EnumNames.parse(JobStatus.class, request.status()),
                request.templateId(), request.stages()));
        return ResponseEntity.created(URI.create("/api/v1/jobs/" + job.id())).body(response(actor, job));
    }

    @GetMapping("/{jobId}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getJob", summary = "A job with its pipeline and hiring team")
    JobResponse get(Actor actor, @PathVariable UUID jobId) {
        return response(actor, jobs.job(actor.organizationId(), new JobId(jobId)));
    }

    @GetMapping
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listJobs", summary = "Your organization's jobs, open ones first")
    List<JobSummaryResponse> list(Actor actor, @RequestParam(required = false) String status) {
        JobStatus filter = status == null || status.isBlank() ? null : EnumNames.parse(JobStatus.class, status);
        if (status != null && !status.isBlank() && filter == null) {
            throw new InvalidInputException("status", "validation.oneOf", "DRAFT, OPEN, CLOSED");
        }
        return jobs.jobs(actor.organizationId(), filter).stream()
                .map(job -> new JobSummaryResponse(job.id().value(), job.title(), job.team(), job.locations(),
                        job.employmentType(), job.status(), job.headcount(), job.createdAt(),
                        job.activeApplications()))
                .toList();
    }

    @PutMapping("/{jobId}")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "updateJob", summary = "Change a job's details and status")
    JobResponse update(Actor actor, @PathVariable UUID jobId, @Valid @RequestBody UpdateJobRequest request) {
        return response(actor, jobs.updateJob(actor, new JobId(jobId), new UpdateJob(request.title(),
                request.team(), locations(request.location(), request.locations()),
                EnumNames.parse(EmploymentType.class, request.employmentType()), request.description(),
                request.headcount(), EnumNames.parse(JobStatus.class, request.status())), request.version()));
    }

    @PutMapping("/{jobId}/pipeline")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "updateJobPipeline", summary = "Add, rename, reorder or remove stages",
            description = "The stages in their new order. Stages with an id are kept, stages without one are added, "
                    + "stages left out are removed. A stage that holds applications cannot be removed or change its "
                    + "kind (409). The last stage must be the only HIRED one.")
    JobResponse updatePipeline(Actor actor, @PathVariable UUID jobId, @Valid @RequestBody PipelineRequest request) {
        return response(actor, jobs.updatePipeline(actor, new JobId(jobId), request.stages(), request.version()));
    }

    @PutMapping("/{jobId}/team")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "setHiringTeam", summary = "Set the job's recruiters, hiring managers and interviewers")
    JobResponse setTeam(Actor actor, @PathVariable UUID jobId, @RequestBody TeamRequest request) {
        Map<TeamRole, List<UUID>> members = new EnumMap<>(TeamRole.class);
        members.put(TeamRole.RECRUITER, request.recruiters() == null ? List.of() : request.recruiters());
        members.put(TeamRole.HIRING_MANAGER, request.hiringManagers() == null ? List.of() : request.hiringManagers());
        members.put(TeamRole.INTERVIEWER, request.interviewers() == null ? List.of() : request.interviewers());
        return response(actor, jobs.setHiringTeam(actor, new JobId(jobId), members));
    }

    @PutMapping("/{jobId}/posting")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "updateJobPosting", summary = "Set what the job's careers page says besides the job",
            description = "Yearly base pay range in KRW (either end may be left out), the last day to apply (in the "
                    + "organization's time zone) and where interviews take place. A published job is published "
                    + "again at once.")
    JobResponse updatePosting(Actor actor, @PathVariable UUID jobId, @Valid @RequestBody PostingDetails request) {
        postings.updateDetails(actor, new JobId(jobId), request);
        return response(actor, jobs.job(actor.organizationId(), new JobId(jobId)));
    }

    @PostMapping("/{jobId}/publish")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "publishJob", summary = "Put an open job on the organization's careers site",
            description = "Keeps this revision of the job as candidates read it; while published, every change to "
                    + "the job publishes a new revision. A job that is not open cannot be published (409).")
    JobResponse publish(Actor actor, @PathVariable UUID jobId) {
        postings.publish(actor, new JobId(jobId));
        return response(actor, jobs.job(actor.organizationId(), new JobId(jobId)));
    }

    @PostMapping("/{jobId}/unpublish")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "unpublishJob", summary = "Take the job off the careers site",
            description = "The job's page answers 404 from now on; applications keep the revision they were made to.")
    JobResponse unpublish(Actor actor, @PathVariable UUID jobId) {
        postings.unpublish(actor, new JobId(jobId));
        return response(actor, jobs.job(actor.organizationId(), new JobId(jobId)));
    }

    @GetMapping("/{jobId}/questions")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listJobQuestions", summary = "The questions the job's apply form asks, in order")
    QuestionsResponse listQuestions(Actor actor, @PathVariable UUID jobId) {
        return QuestionsResponse.of(questions.list(actor.organizationId(), new JobId(jobId)));
    }

    @PutMapping("/{jobId}/questions")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "updateJobQuestions", summary = "Set the questions the job's apply form asks",
            description = "The questions in their new order. Questions with an id are kept, questions without one "
                    + "are added, questions left out are removed; answers already given keep the question as it was "
                    + "asked. Each question is written in Korean, English or both; the choice kinds need 2-20 "
                    + "choices. A question the Fair Hiring Procedure Act (Art. 4-3) forbids (appearance, height, "
                    + "weight, region of origin, marital status, assets, the family's education, occupation or "
                    + "assets) or one asking for a resident registration number is refused (400, naming the field "
                    + "and why). A published job is published again at once.")
    QuestionsResponse updateQuestions(Actor actor, @PathVariable UUID jobId,
            @Valid @RequestBody QuestionsRequest request) {
        return QuestionsResponse.of(questions.replace(actor, new JobId(jobId), request.questions()));
    }

    static List<String> locations(String location, List<String> locations) {
        List<String> all = new ArrayList<>();
        if (location != null && !location.isBlank()) {
            all.add(location);
        }
        if (locations != null) {
            all.addAll(locations);
        }
        return all;
    }
}
