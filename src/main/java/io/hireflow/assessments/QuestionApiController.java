package io.hireflow.assessments;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.hireflow.shared.Actor;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/questions")
@Tag(name = "Question bank", description = "Questions for online tests and interview kits")
class QuestionApiController {

    static final String CSV = "text/csv";

    private final QuestionBank bank;

    QuestionApiController(QuestionBank bank) {
        this.bank = bank;
    }

    /** A question as written: kind, difficulty and language by name, each list one value per entry. */
    record QuestionRequest(String topic, String difficulty, String kind, String language, String prompt,
            List<String> choices, List<String> correct, List<String> acceptedAnswers, String gradingNotes,
            List<String> tags) {

        QuestionDraft draft() {
            return new QuestionDraft(topic, difficulty, kind, language, prompt, choices, correct, acceptedAnswers,
                    gradingNotes, tags);
        }
    }

    record QuestionResponse(UUID id, String topic, Difficulty difficulty, QuestionKind kind, String language,
            String prompt, List<String> choices, List<String> correct, List<String> acceptedAnswers,
            String gradingNotes, List<String> tags, Instant createdAt, Instant updatedAt, long version) {

        static QuestionResponse of(Question question) {
            return new QuestionResponse(question.id(), question.topic(), question.difficulty(), question.kind(),
                    question.language(), question.prompt(), question.choices(), question.correct(),
                    question.acceptedAnswers(), question.gradingNotes(), question.tags(), question.createdAt(),
                    question.updatedAt(), question.version());
        }
    }

    record QuestionPage(List<QuestionResponse> items, String nextCursor) {
    }

    record ImportResponse(int imported) {
    }

    @PostMapping
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "createQuestion", summary = "Add a question to your organization's bank",
            description = "SINGLE_CHOICE and MULTIPLE_CHOICE need 2 to 10 choices and the correct ones among them "
                    + "(exactly one for SINGLE_CHOICE); SHORT_ANSWER needs accepted answers; ESSAY neither.")
    ResponseEntity<QuestionResponse> create(Actor actor, @RequestBody QuestionRequest request) {
        Question question = bank.create(actor, request.draft());
        return ResponseEntity.created(URI.create("/api/v1/questions/" + question.id()))
                .body(QuestionResponse.of(question));
    }

    @GetMapping
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listQuestions", summary = "The bank's questions, of one topic or all",
            description = "Keyset pages in the order the questions were added: pass the previous page's nextCursor "
                    + "as cursor. topic matches whatever its case; language is ko or en.")
    QuestionPage list(Actor actor, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String language, @RequestParam(required = false) UUID cursor,
            @RequestParam(defaultValue = "50") int limit) {
        int size = Math.max(1, Math.min(limit, 200));
        List<Question> page = bank.questions(actor.organizationId(), topic, language, cursor, size + 1);
        boolean more = page.size() > size;
        List<Question> items = more ? page.subList(0, size) : page;
        return new QuestionPage(items.stream().map(QuestionResponse::of).toList(),
                more ? items.get(size - 1).id().toString() : null);
    }

    @GetMapping("/{questionId}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getQuestion", summary = "One question of the bank")
    QuestionResponse get(Actor actor, @PathVariable UUID questionId) {
        return QuestionResponse.of(bank.question(actor.organizationId(), questionId));
    }

    // the body is read as CSV whatever type it is declared as (text/csv, text/plain, or none)
    @PostMapping("/import")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "importQuestions", summary = "Add questions from CSV: all of them, or none",
            description = "Header: topic,difficulty,type,language,prompt,choices,correct,accepted_answers,"
                    + "grading_notes,tags; several values in a cell one per line. Any row with a problem refuses "
                    + "the whole file, with each problem named by its row.")
    ImportResponse importCsv(Actor actor,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = CSV))
            @RequestBody String csv) {
        return new ImportResponse(bank.importCsv(actor, new StringReader(csv)));
    }

    @GetMapping("/export")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "exportQuestions", summary = "The whole bank as CSV, as the import reads it",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
                    content = @Content(mediaType = CSV)))
    ResponseEntity<String> exportCsv(Actor actor) {
        return download(bank, actor.organizationId());
    }

    /** The organization's bank as a CSV file to save (the API's export and the page's are the same file). */
    static ResponseEntity<String> download(QuestionBank bank, OrganizationId organization) {
        StringBuilder csv = new StringBuilder();
        bank.exportCsv(organization, csv);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"questions.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString());
    }
}
