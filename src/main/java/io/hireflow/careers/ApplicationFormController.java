package io.hireflow.careers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.hireflow.candidates.CandidateDocument;
import io.hireflow.candidates.CandidateDocuments;
import io.hireflow.candidates.DocumentTexts;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.Actor;
import io.hireflow.shared.Role;

/**
 * What a candidate sent with an application, for the staff's application page (loaded into it, as the page does not
 * know this module): the answers to the job's questions as the candidate read them, and the files with their text.
 */
@Controller
class ApplicationFormController {

    private final JdbcClient jdbc;
    private final PipelineManagement pipeline;
    private final CandidateDocuments documents;
    private final DocumentTexts texts;

    ApplicationFormController(JdbcClient jdbc, PipelineManagement pipeline, CandidateDocuments documents,
            DocumentTexts texts) {
        this.jdbc = jdbc;
        this.pipeline = pipeline;
        this.documents = documents;
        this.texts = texts;
    }

    /** One answer as the staff read it. */
    record Answer(String question, String text, List<String> choices, UUID documentId) {
    }

    /** One file with its text, when it has been read. */
    record File(CandidateDocument document, String text) {
    }

    @GetMapping("/applications/{applicationId}/submitted")
    @PreAuthorize(Role.STAFF)
    String submitted(Actor actor, @PathVariable UUID applicationId, Model page) {
        ApplicationView application = pipeline.application(actor.organizationId(),
                new JobApplicationId(applicationId));
        List<Answer> answers = jdbc.sql("""
                select question_text, answer_text, answer_choices, document_id from application_answer a
                join job_application j on j.id = a.application_id
                where a.application_id = ? and j.organization_id = ? order by a.question_id""")
                .params(applicationId, actor.organizationId().value())
                .query((rs, row) -> new Answer(rs.getString(1), rs.getString(2),
                        rs.getArray(3) == null ? List.of() : List.of((String[]) rs.getArray(3).getArray()),
                        rs.getObject(4, UUID.class)))
                .list();
        List<File> files = documents.documentsOf(actor.organizationId(), application.candidateId()).stream()
                .filter(document -> applicationId.equals(document.applicationId()))
                .map(document -> new File(document, texts.text(actor.organizationId(), document.id())
                        .orElse(null)))
                .toList();
        Map<UUID, String> names = files.stream().collect(Collectors.toMap(file -> file.document().id(),
                file -> file.document().originalName()));
        page.addAttribute("candidateId", application.candidateId().value());
        page.addAttribute("answers", answers);
        page.addAttribute("files", files);
        page.addAttribute("fileNames", names);
        page.addAttribute("fromSite", Optional.ofNullable(jdbc.sql("""
                select true from careers_submission where application_id = ? and organization_id = ?""")
                .params(applicationId, actor.organizationId().value()).query(Boolean.class).optional()
                .orElse(null)).isPresent());
        return "careers/submitted :: submitted";
    }
}
