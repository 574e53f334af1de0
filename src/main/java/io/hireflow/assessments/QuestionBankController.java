package io.hireflow.assessments;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.Languages;
import io.hireflow.shared.Role;

/** The question bank's page: the questions by topic, adding one, importing and exporting CSV. */
@Controller
class QuestionBankController {

    // the page shows this many; the API pages through all of them
    static final int SHOWN = 200;

    private final QuestionBank bank;

    QuestionBankController(QuestionBank bank) {
        this.bank = bank;
    }

    /** The add form as typed; lists one value per line. */
    record QuestionForm(String topic, String difficulty, String kind, String language, String prompt, String choices,
            String correct, String acceptedAnswers, String gradingNotes, String tags) {

        static QuestionForm blank(String topic) {
            return new QuestionForm(topic, Difficulty.MEDIUM.name(), QuestionKind.SINGLE_CHOICE.name(), "ko", null,
                    null, null, null, null, null);
        }

        QuestionDraft draft() {
            return new QuestionDraft(topic, difficulty, kind, language, prompt, lines(choices), lines(correct),
                    lines(acceptedAnswers), gradingNotes, lines(tags == null ? null : tags.replace(',', '\n')));
        }

        private static List<String> lines(String text) {
            return text == null ? List.of() : Arrays.asList(text.split("\r?\n"));
        }
    }

    @GetMapping("/questions")
    @PreAuthorize(Role.STAFF)
    String questions(Actor actor, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String language, Model page) {
        show(actor, topic, language, QuestionForm.blank(topic), page);
        return "assessments/questions";
    }

    @PostMapping("/questions")
    @PreAuthorize(Role.DECIDING)
    String add(Actor actor, @ModelAttribute QuestionForm form, Model page, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Question added = bank.create(actor, form.draft());
            redirect.addFlashAttribute("notice", "questions.added");
            redirect.addAttribute("topic", added.topic());
            return "redirect:/questions";
        } catch (InvalidInputException refusal) {
            Map<String, InvalidInputException.FieldProblem> problems = new LinkedHashMap<>();
            refusal.problems().forEach(problem -> problems.putIfAbsent(problem.field(), problem));
            page.addAttribute("problems", problems);
            page.addAttribute("adding", true);
            show(actor, form.topic(), null, form, page);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "assessments/questions";
        }
    }

    @PostMapping("/questions/import")
    @PreAuthorize(Role.DECIDING)
    String importCsv(Actor actor, @RequestParam(required = false) MultipartFile file, Model page,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "validation.required");
            }
            int imported = bank.importCsv(actor, new InputStreamReader(file.getInputStream(),
                    StandardCharsets.UTF_8));
            redirect.addFlashAttribute("notice", "questions.imported");
            redirect.addFlashAttribute("noticeArgs", new Object[] {imported});
            return "redirect:/questions";
        } catch (InvalidInputException refusal) {
            page.addAttribute("importProblems", refusal.problems());
            show(actor, null, null, QuestionForm.blank(null), page);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "assessments/questions";
        }
    }

    @GetMapping("/questions/export")
    @PreAuthorize(Role.DECIDING)
    ResponseEntity<String> exportCsv(Actor actor) {
        return QuestionApiController.download(bank, actor.organizationId());
    }

    private void show(Actor actor, String topic, String language, QuestionForm form, Model page) {
        String languageShown = language != null && Languages.ALL.contains(language) ? language : null;
        page.addAttribute("topics", bank.topics(actor.organizationId()));
        page.addAttribute("topic", topic == null || topic.isBlank() ? null : topic.strip());
        page.addAttribute("language", languageShown);
        page.addAttribute("questions", bank.questions(actor.organizationId(), topic, languageShown, null, SHOWN));
        page.addAttribute("shown", SHOWN);
        page.addAttribute("form", form);
        page.addAttribute("kinds", QuestionKind.values());
        page.addAttribute("difficulties", Difficulty.values());
        page.addAttribute("languages", Languages.ALL);
    }
}
