package io.hireflow.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.assessments.Assignments;
import io.hireflow.assessments.TestTaking;
import io.hireflow.candidates.Candidate;
import io.hireflow.candidates.CandidateDocuments;
import io.hireflow.candidates.CandidateManagement;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.OrganizationView;
import io.hireflow.interviews.Interview;
import io.hireflow.interviews.Interviews;
import io.hireflow.interviews.RemoteExceptions;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageId;
import io.hireflow.notifications.NotificationManagement;
import io.hireflow.notifications.OutboundMessage;
import io.hireflow.pipeline.ApplicationStatus;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.Transition;
import io.hireflow.pipeline.TransitionAction;
import io.hireflow.shared.Actor;
import io.hireflow.shared.NotFoundException;

/**
 * One person's applications across the platform, as the candidate sees them: the organization, the job, the stage by
 * its candidate-facing name (never the internal one), the status, when a decision is due, and the messages sent.
 * Everything is looked up through the signed-in email, so an id that is not theirs is simply not found.
 */
@Service
class MyApplications {

    static final String CANDIDATE = "Candidate (portal)";

    private final CandidateManagement candidates;
    private final PipelineManagement pipeline;
    private final JobManagement jobs;
    private final IdentityManagement identity;
    private final NotificationManagement notifications;
    private final Assignments assignments;
    private final TestTaking tests;
    private final Interviews interviews;
    private final RemoteExceptions remote;
    private final CandidateDocuments documents;

    MyApplications(CandidateManagement candidates, PipelineManagement pipeline, JobManagement jobs,
            IdentityManagement identity, NotificationManagement notifications, Assignments assignments,
            TestTaking tests, Interviews interviews, RemoteExceptions remote, CandidateDocuments documents) {
        this.documents = documents;
        this.remote = remote;
        this.interviews = interviews;
        this.candidates = candidates;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.identity = identity;
        this.notifications = notifications;
        this.assignments = assignments;
        this.tests = tests;
    }

    /** One application as its candidate sees it. */
    record Mine(UUID id, OrganizationView organization, String jobTitle, String stage, ApplicationStatus status,
            Instant appliedAt, Instant decisionDue, List<OutboundMessage> messages,
            Assignments.Assignment assignment, TestTaking.Invitation test, List<Interview> interviews,
            Map<UUID, RemoteExceptions.RemoteException> remoteRequests) {

        public boolean open() {
            return status == ApplicationStatus.ACTIVE || status == ApplicationStatus.ON_HOLD;
        }
    }

    @Transactional(readOnly = true)
    public List<Mine> of(String email, Locale locale) {
        List<Mine> mine = new ArrayList<>();
        for (Candidate candidate : candidates.everywhere(email)) {
            OrganizationView organization = identity.organization(candidate.organizationId());
            List<ApplicationView> applications = pipeline.applicationsOf(candidate.organizationId(), candidate.id());
            Set<JobId> jobIds = applications.stream().map(ApplicationView::jobId).collect(Collectors.toSet());
            Map<JobId, String> titles = jobs.titles(candidate.organizationId(), jobIds);
            Map<StageId, Stage> stages = jobs.stages(candidate.organizationId(),
                    new HashSet<>(applications.stream().map(ApplicationView::stageId).toList()));
            for (ApplicationView application : applications) {
                Stage stage = stages.get(application.stageId());
                Instant due = stage == null || stage.deadlineDays() == null ? null
                        : application.stageEnteredAt().plus(java.time.Duration.ofDays(stage.deadlineDays()));
                List<Interview> itsInterviews = interviews.ofApplication(candidate.organizationId(),
                        application.id().value());
                mine.add(new Mine(application.id().value(), organization, titles.get(application.jobId()),
                        stage == null ? null : stage.candidateName(locale), application.status(),
                        application.appliedAt(), application.status() == ApplicationStatus.ACTIVE ? due : null,
                        notifications.sentTo(candidate.organizationId(), application.id().value()),
                        assignments.assignment(candidate.organizationId(), application.id().value())
                                .filter(assignment -> assignment.state() != Assignments.State.NOT_RELEASED)
                                .orElse(null),
                        tests.invitation(candidate.organizationId(), application.id().value()).orElse(null),
                        itsInterviews, remote.latest(candidate.organizationId(),
                                itsInterviews.stream().map(Interview::id).toList())));
            }
        }
        mine.sort(Comparator.comparing(Mine::appliedAt).reversed());
        return mine;
    }

    /** One of the person's applications; not found when it is not theirs. */
    private Optional<Candidate> owner(String email, UUID applicationId) {
        for (Candidate candidate : candidates.everywhere(email)) {
            boolean theirs = pipeline.applicationsOf(candidate.organizationId(), candidate.id()).stream()
                    .anyMatch(application -> application.id().value().equals(applicationId));
            if (theirs) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The organization one of the person's applications went to (for its time zone); not found when not theirs. */
    @Transactional(readOnly = true)
    public OrganizationView organization(String email, UUID applicationId) {
        Candidate candidate = owner(email, applicationId).orElseThrow(() -> new NotFoundException("application"));
        return identity.organization(candidate.organizationId());
    }

    /** One message the person was sent about one of their applications. */
    @Transactional(readOnly = true)
    public OutboundMessage message(String email, UUID applicationId, UUID messageId) {
        Candidate candidate = owner(email, applicationId).orElseThrow(() -> new NotFoundException("message"));
        return notifications.sentTo(candidate.organizationId(), applicationId).stream()
                .filter(message -> message.id().equals(messageId)).findFirst()
                .orElseThrow(() -> new NotFoundException("message"));
    }

    /**
     * The candidate hands in the assignment of one of their applications: a link to their work, files, or both, as
     * the assignment asks; its reviewers' email links to {@code baseUrl}.
     */
    @Transactional
    public void submitAssignment(String email, UUID applicationId, String link, List<Assignments.Upload> files,
            String baseUrl) {
        Candidate candidate = owner(email, applicationId).orElseThrow(() -> new NotFoundException("application"));
        assignments.submit(candidate.organizationId(), applicationId, link, files, baseUrl);
    }

    /** A file the person sent with one of their applications (an assignment handed in), for them to download. */
    @Transactional(readOnly = true)
    public CandidateDocuments.Content file(String email, UUID applicationId, UUID documentId) {
        Candidate candidate = owner(email, applicationId).orElseThrow(() -> new NotFoundException("document"));
        return documents.ownFile(candidate.organizationId(), candidate.id(), applicationId, documentId);
    }

    /** The candidate withdraws one of their open applications, with their reason if they give one. */
    @Transactional
    public void withdraw(String email, UUID applicationId, String reason) {
        Candidate candidate = owner(email, applicationId).orElseThrow(() -> new NotFoundException("application"));
        OrganizationView organization = identity.organization(candidate.organizationId());
        Actor self = new Actor(null, candidate.organizationId(), CANDIDATE, Set.of(), organization.timeZone());
        ApplicationView application = pipeline.application(candidate.organizationId(),
                new JobApplicationId(applicationId));
        String why = reason == null || reason.isBlank() ? "Withdrawn by the candidate in the portal"
                : "Withdrawn by the candidate in the portal: " + reason.strip();
        pipeline.transition(self, application.id(), new Transition(TransitionAction.WITHDRAW, null, null,
                why.length() > 500 ? why.substring(0, 500) : why, application.version()));
    }
}
