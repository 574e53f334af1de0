package io.hireflow.careers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.candidates.CandidateDetails;
import io.hireflow.candidates.CandidateId;
import io.hireflow.candidates.CandidateDocuments;
import io.hireflow.candidates.CandidateManagement;
import io.hireflow.candidates.Consents;
import io.hireflow.candidates.DocumentKind;
import io.hireflow.identity.OrganizationView;
import io.hireflow.jobs.JobPosting;
import io.hireflow.jobs.QuestionKind;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.OrganizationId;

/**
 * A candidate applying on the careers site, all in one transaction: the candidate (found by email, or created), the
 * application in the job's first stage (whose receipt notice the notifications module writes in the same
 * transaction), the files, the answers to the job's questions (each with the question as the candidate read it, so
 * it still reads right after the question changes) and the consents as shown. A form is submitted once however
 * often it is sent: its submission key is claimed first, so a double click or a retried request gets the first answer
 * back.
 */
@Service
class Applying {

    /** Who the timeline says added the application. */
    static final String CAREERS_SITE = "Careers site";
    private static final String DUPLICATE = "error.application.duplicate";

    private final JdbcClient jdbc;
    private final CandidateManagement candidates;
    private final CandidateDocuments documents;
    private final Consents consents;
    private final PipelineManagement pipeline;
    private final Clock clock;

    Applying(JdbcClient jdbc, CandidateManagement candidates, CandidateDocuments documents, Consents consents,
            PipelineManagement pipeline, Clock clock) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.documents = documents;
        this.consents = consents;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** A file as the form sent it (already checked). */
    record Upload(DocumentKind kind, String originalName, CandidateDocuments.Checked file) {
    }

    /**
     * What is submitted: the person, the files, the consents as asked, from where, the answers to the questions, and
     * the language of the form ({@code ko} or {@code en}), which the candidate is written to from then on.
     */
    record Submission(UUID key, CandidateDetails candidate, List<Upload> files, List<Consents.Asked> consents,
            String remoteAddress, List<Answer> answers, String language) {

        Submission {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    /**
     * An answer to one of the job's questions (already checked), with the question's text as the form showed it: a
     * text, the choices picked (YES or NO for a yes-or-no question), or a file.
     */
    record Answer(UUID questionId, String questionText, QuestionKind kind, String text, List<String> choices,
            Upload file) {
    }

    /** The application made (or made by the first sending of the same form). */
    record Submitted(UUID applicationId, Instant at) {
    }

    /** The same email already applied to this job (409): the candidate is told, nothing is stored. */
    static final class AlreadyApplied extends ConflictException {

        AlreadyApplied() {
            super("error.careers.alreadyApplied");
        }
    }

    @Transactional
    public Submitted apply(OrganizationView organization, JobPosting posting, Submission submission) {
        OrganizationId org = organization.id();
        Instant now = clock.instant();
        boolean first = jdbc.sql("""
                insert into careers_submission (submission_key, organization_id, posting_id, remote_address,
                    submitted_at)
                values (?, ?, ?, ?, ?) on conflict (submission_key) do nothing""")
                .params(submission.key(), org.value(), posting.id(), submission.remoteAddress(), Timestamp.from(now))
                .update() == 1;
        if (!first) {
            // the same form again: its first sending has committed (the insert waited for it) or failed
            return earlier(org, submission.key()).orElseThrow(() -> new ConflictException("error.careers.retry"));
        }
        CandidateId candidate = candidates.findOrCreate(org, submission.candidate(), submission.language());
        Actor site = new Actor(null, org, CAREERS_SITE, Set.of(), organization.timeZone(),
                submission.remoteAddress());
        ApplicationView application;
        try {
            application = pipeline.createApplication(site, posting.jobId(), candidate);
        } catch (ConflictException refusal) {
            // the same email already applied to this job: everything above rolls back with this
            throw refusal.code().equals(DUPLICATE) ? new AlreadyApplied() : refusal;
        }
        UUID applicationId = application.id().value();
        for (Upload file : submission.files()) {
            documents.store(org, candidate, applicationId, file.kind(), file.originalName(), file.file());
        }
        for (Answer answer : submission.answers()) {
            UUID document = answer.file() == null ? null : documents.store(org, candidate, applicationId,
                    DocumentKind.OTHER, answer.file().originalName(), answer.file().file()).id();
            jdbc.sql("""
                    insert into application_answer (application_id, question_id, organization_id, question_text,
                        kind, answer_text, answer_choices, document_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(applicationId, answer.questionId(), org.value(), answer.questionText(),
                            answer.kind().name(), answer.text(),
                            answer.choices() == null ? null : answer.choices().toArray(String[]::new), document)
                    .update();
        }
        for (Consents.Asked asked : submission.consents()) {
            consents.record(org, candidate, applicationId, asked, submission.remoteAddress());
        }
        jdbc.sql("update careers_submission set application_id = ? where submission_key = ?")
                .params(applicationId, submission.key()).update();
        return new Submitted(applicationId, now);
    }

    /** The application a submission made, for its thank-you page. */
    @Transactional(readOnly = true)
    public Optional<Submitted> earlier(OrganizationId organization, UUID key) {
        return jdbc.sql("""
                select application_id, submitted_at from careers_submission
                where submission_key = ? and organization_id = ? and application_id is not null""")
                .params(key, organization.value())
                .query((rs, row) -> new Submitted(rs.getObject("application_id", UUID.class),
                        rs.getTimestamp("submitted_at").toInstant()))
                .optional();
    }

    /** The posting a submission was made to. */
    @Transactional(readOnly = true)
    public Optional<UUID> postingOf(OrganizationId organization, UUID key) {
        return jdbc.sql("select posting_id from careers_submission where submission_key = ? and organization_id = ?")
                .params(key, organization.value()).query(UUID.class).optional();
    }
}
