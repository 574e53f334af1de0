package io.hireflow.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * The editor of a job's apply-form questions, built for plain form posts like the pipeline editor: the form carries
 * every question row and names the button pressed ({@code op}): {@code up:2}, {@code down:2}, {@code remove:2} and
 * {@code add} change the list and show it again, unsaved; {@code save} saves the whole list. A question the law
 * forbids comes back with the reason beside its field.
 */
@Controller
class JobQuestionController {

    static final String SAVE = "save";
    private static final String REQUIRED = "{validation.required}";

    private final JobManagement jobs;
    private final JobQuestions questions;

    JobQuestionController(JobManagement jobs, JobQuestions questions) {
        this.jobs = jobs;
        this.questions = questions;
    }

    /** The questions being edited. */
    static final class Form {

        @Valid
        private List<Row> questions = new ArrayList<>();

        static Form of(List<Row> rows) {
            Form form = new Form();
            form.questions = new ArrayList<>(rows);
            return form;
        }

        /** A new form with the same content, so that the problems found in this one are not shown with it. */
        Form copy() {
            return of(questions.stream().filter(Objects::nonNull).map(Row::copy).toList());
        }

        List<QuestionPlan> plans() {
            return questions.stream().map(row -> row == null ? null : row.plan()).toList();
        }

        public List<Row> getQuestions() {
            return questions;
        }

        public void setQuestions(List<Row> questions) {
            this.questions = questions;
        }
    }

    /** One question as its row shows it: the choices one per line; no id for a question not saved yet. */
    static final class Row {

        private UUID id;
        @NotNull(message = REQUIRED)
        private QuestionKind kind;
        @Size(max = JobQuestions.MAX_TEXT)
        private String textKo;
        @Size(max = JobQuestions.MAX_TEXT)
        private String textEn;
        @Size(max = JobQuestions.MAX_CHOICES * (JobQuestions.MAX_CHOICE + 2))
        private String choices;
        private boolean required;

        static Row of(JobQuestion question) {
            return of(question.id(), question.kind(), question.textKo(), question.textEn(),
                    String.join("\n", question.choices()), question.required());
        }

        private static Row of(UUID id, QuestionKind kind, String textKo, String textEn, String choices,
                boolean required) {
            Row row = new Row();
            row.id = id;
            row.kind = kind;
            row.textKo = textKo;
            row.textEn = textEn;
            row.choices = choices;
            row.required = required;
            return row;
        }

        Row copy() {
            return of(id, kind, textKo, textEn, choices, required);
        }

        QuestionPlan plan() {
            List<String> lines = choices == null ? List.of() : Arrays.asList(choices.split("\\R"));
            return new QuestionPlan(id, kind, textKo, textEn, lines, required);
        }

        public UUID getId() {
            return id;
        }

        public void setId(UUID id) {
            this.id = id;
        }

        public QuestionKind getKind() {
            return kind;
        }

        public void setKind(QuestionKind kind) {
            this.kind = kind;
        }

        public String getTextKo() {
            return textKo;
        }

        public void setTextKo(String textKo) {
            this.textKo = textKo;
        }

        public String getTextEn() {
            return textEn;
        }

        public void setTextEn(String textEn) {
            this.textEn = textEn;
        }

        public String getChoices() {
            return choices;
        }

        public void setChoices(String choices) {
            this.choices = choices;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }
    }

    @GetMapping("/jobs/{jobId}/questions")
    @PreAuthorize(Role.RECRUITING)
    String edit(Actor actor, @PathVariable UUID jobId, Model page) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        page.addAttribute("form", Form.of(questions.list(actor.organizationId(), job.id()).stream().map(Row::of)
                .toList()));
        return page(job, page);
    }

    @PostMapping("/jobs/{jobId}/questions")
    @PreAuthorize(Role.RECRUITING)
    String update(Actor actor, @PathVariable UUID jobId, @Valid @ModelAttribute("form") Form form,
            BindingResult result, @RequestParam(defaultValue = "") String op, Model page,
            RedirectAttributes redirect) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        if (!SAVE.equals(op)) {
            edit(form, op, page);
            return page(job, page);
        }
        if (result.hasErrors()) {
            return page(job, page);
        }
        try {
            questions.replace(actor, job.id(), form.plans());
        } catch (InvalidInputException refusal) {
            PageRefusals.beside(result, refusal, page);
            return page(job, page);
        }
        redirect.addFlashAttribute("notice", "jobs.questions.saved");
        return "redirect:/jobs/" + job.id() + "/questions";
    }

    /**
     * Applies a button other than save to a copy of the form and puts the copy into the page, with which control to
     * focus and a reminder that nothing is saved yet.
     */
    private static void edit(Form submitted, String op, Model page) {
        Form form = submitted.copy();
        List<Row> rows = form.getQuestions();
        String focus = null;
        String[] parts = op.split(":", 2);
        int index = parts.length == 2 ? parseIndex(parts[1]) : -1;
        switch (parts[0]) {
            case "add" -> {
                if (rows.size() >= JobQuestions.MAX_QUESTIONS) {
                    PageRefusals.onPage(page, "validation.question.tooMany",
                            new Object[] {JobQuestions.MAX_QUESTIONS});
                    break;
                }
                Row row = new Row();
                row.setKind(QuestionKind.SHORT_TEXT);
                rows.add(row);
                focus = "questions[" + (rows.size() - 1) + "].textKo";
            }
            case "up" -> {
                if (index > 0 && index < rows.size()) {
                    Collections.swap(rows, index, index - 1);
                    focus = index - 1 > 0 ? "up:" + (index - 1) : "down:0";
                }
            }
            case "down" -> {
                if (index >= 0 && index < rows.size() - 1) {
                    Collections.swap(rows, index, index + 1);
                    focus = index + 1 < rows.size() - 1 ? "down:" + (index + 1) : "up:" + (index + 1);
                }
            }
            case "remove" -> {
                if (index >= 0 && index < rows.size()) {
                    rows.remove(index);
                }
            }
            default -> {
            }
        }
        page.addAttribute("form", form);
        page.addAttribute("focus", focus);
        page.addAttribute("unsaved", true);
    }

    private static String page(Job job, Model page) {
        page.addAttribute("job", job);
        page.addAttribute("kinds", QuestionKind.values());
        if (!page.containsAttribute("focus")) {
            page.addAttribute("focus", "");
        }
        return "jobs/questions";
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notAnIndex) {
            return -1;
        }
    }
}
