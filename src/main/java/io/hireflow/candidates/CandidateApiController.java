package io.hireflow.candidates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/candidates")
@Tag(name = "Candidates", description = "The people who apply")
class CandidateApiController {

    private final CandidateManagement candidates;
    private final AccessLog accessLog;

    CandidateApiController(CandidateManagement candidates, AccessLog accessLog) {
        this.candidates = candidates;
        this.accessLog = accessLog;
    }

    record CandidateResponse(UUID id, String name, String email, String phone, String region, String githubUrl,
            String portfolioUrl, String source, List<String> tags, String language, Instant createdAt,
            Instant updatedAt, long version) {

        static CandidateResponse of(Candidate candidate) {
            return new CandidateResponse(candidate.id().value(), candidate.name(), candidate.email(),
                    candidate.phone(), candidate.region(), candidate.githubUrl(), candidate.portfolioUrl(),
                    candidate.source(), candidate.tags(), candidate.language(), candidate.createdAt(),
                    candidate.updatedAt(),
                    candidate.version());
        }
    }

    record CandidatePage(List<CandidateResponse> items, String nextCursor) {
    }

    record UpdateCandidateRequest(@NotNull @Valid CandidateDetails candidate, @NotNull Long version) {
    }

    @GetMapping("/{candidateId}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getCandidate", summary = "A candidate of your organization")
    CandidateResponse get(Actor actor, @PathVariable UUID candidateId) {
        Candidate candidate = candidates.candidate(actor.organizationId(), new CandidateId(candidateId));
        accessLog.candidates(actor, AccessLog.Action.VIEW_CANDIDATE, "candidate " + candidateId, List.of(candidateId));
        return CandidateResponse.of(candidate);
    }

    @GetMapping
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listCandidates", summary = "Search candidates by name or email",
            description = "Keyset pages: pass the previous page's nextCursor as cursor.")
    CandidatePage list(Actor actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID cursor, @RequestParam(defaultValue = "50") int limit) {
        int size = Math.max(1, Math.min(limit, 200));
        List<Candidate> page = candidates.search(actor.organizationId(), q,
                cursor == null ? null : new CandidateId(cursor), size + 1);
        boolean more = page.size() > size;
        List<Candidate> items = more ? page.subList(0, size) : page;
        accessLog.candidates(actor, AccessLog.Action.LIST_CANDIDATES, "search " + (q == null ? "" : q),
                items.stream().map(candidate -> candidate.id().value()).toList());
        return new CandidatePage(items.stream().map(CandidateResponse::of).toList(),
                more ? items.get(size - 1).id().toString() : null);
    }

    @PutMapping("/{candidateId}")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "updateCandidate", summary = "Change a candidate's details")
    CandidateResponse update(Actor actor, @PathVariable UUID candidateId,
            @Valid @RequestBody UpdateCandidateRequest request) {
        return CandidateResponse.of(candidates.update(actor, new CandidateId(candidateId),
                request.candidate(), request.version()));
    }
}
