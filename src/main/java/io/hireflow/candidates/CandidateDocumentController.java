package io.hireflow.candidates;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.hireflow.shared.Actor;
import io.hireflow.shared.Role;

/**
 * A candidate's file, for staff of its organization: always as an attachment of its real type, named with an RFC 6266
 * {@code filename*} (so no name can add a header or turn it into a page), never cached.
 */
@Controller
class CandidateDocumentController {

    private final CandidateDocuments documents;

    CandidateDocumentController(CandidateDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/candidates/{candidateId}/documents/{documentId}")
    @PreAuthorize(Role.STAFF)
    ResponseEntity<byte[]> download(Actor actor, @PathVariable UUID candidateId, @PathVariable UUID documentId) {
        CandidateDocuments.Content content = documents.download(actor, new CandidateId(candidateId), documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().originalName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content.bytes());
    }
}
