package io.hireflow.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.ui.Model;

import io.hireflow.shared.PageRefusals;

/**
 * The stage editor that job pipelines and pipeline templates share, built for plain form posts: the form carries the
 * whole list of stage rows and names the button pressed ({@code op}): {@code up:2}, {@code down:2}, {@code remove:2}
 * and {@code add} change the list and show it again, unsaved; {@code save} is the caller's to handle.
 */
final class StageEditor {

    static final String SAVE = "save";
    private static final String REQUIRED = "{validation.required}";

    private StageEditor() {
    }

    /** The stages being edited, with the version they were read at and, for a template, its name. */
    static final class Form {

        private String name;
        private Long version;
        @Valid
        private List<Row> stages = new ArrayList<>();

        static Form of(String name, Long version, List<Row> stages) {
            Form form = new Form();
            form.name = name;
            form.version = version;
            form.stages = new ArrayList<>(stages);
            return form;
        }

        /** A new form with the same content, so that the problems found in this one are not shown with it. */
        Form copy() {
            return of(name, version, stages.stream().filter(Objects::nonNull).map(Row::copy).toList());
        }

        List<StagePlan> plans() {
            return stages.stream().map(Row::plan).toList();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }

        public List<Row> getStages() {
            return stages;
        }

        public void setStages(List<Row> stages) {
            this.stages = stages;
        }
    }

    /** One stage as its row shows it; no id for a stage not saved yet. */
    static final class Row {

        private UUID id;
        @NotBlank(message = REQUIRED)
        @Size(max = 80)
        private String name;
        @NotNull(message = REQUIRED)
        private StageKind kind;
        @Size(max = 80)
        private String candidateNameKo;
        @Size(max = 80)
        private String candidateNameEn;
        @Min(1)
        @Max(365)
        private Integer deadlineDays;

        static Row of(Stage stage) {
            return of(stage.id().value(), stage.name(), stage.kind(), stage.candidateNameKo(),
                    stage.candidateNameEn(), stage.deadlineDays());
        }

        static Row of(StagePlan plan) {
            return of(plan.id(), plan.name(), plan.kind(), plan.candidateNameKo(), plan.candidateNameEn(),
                    plan.deadlineDays());
        }

        private static Row of(UUID id, String name, StageKind kind, String candidateNameKo, String candidateNameEn,
                Integer deadlineDays) {
            Row row = new Row();
            row.id = id;
            row.name = name;
            row.kind = kind;
            row.candidateNameKo = candidateNameKo;
            row.candidateNameEn = candidateNameEn;
            row.deadlineDays = deadlineDays;
            return row;
        }

        Row copy() {
            return of(id, name, kind, candidateNameKo, candidateNameEn, deadlineDays);
        }

        StagePlan plan() {
            return new StagePlan(id, name, kind, candidateNameKo, candidateNameEn, deadlineDays);
        }

        public UUID getId() {
            return id;
        }

        public void setId(UUID id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public StageKind getKind() {
            return kind;
        }

        public void setKind(StageKind kind) {
            this.kind = kind;
        }

        public String getCandidateNameKo() {
            return candidateNameKo;
        }

        public void setCandidateNameKo(String candidateNameKo) {
            this.candidateNameKo = candidateNameKo;
        }

        public String getCandidateNameEn() {
            return candidateNameEn;
        }

        public void setCandidateNameEn(String candidateNameEn) {
            this.candidateNameEn = candidateNameEn;
        }

        public Integer getDeadlineDays() {
            return deadlineDays;
        }

        public void setDeadlineDays(Integer deadlineDays) {
            this.deadlineDays = deadlineDays;
        }
    }

    /**
     * Applies a button other than save to a copy of the form and puts the copy into the page (as {@code form}), with
     * which control to focus and a reminder that nothing is saved yet. A new stage goes before the hired stage, where
     * stages are added in practice.
     */
    static Form edit(Form submitted, String op, Model page) {
        Form form = submitted.copy();
        List<Row> stages = form.getStages();
        String focus = null;
        String[] parts = op == null ? new String[] {""} : op.split(":", 2);
        int index = parts.length == 2 ? parseIndex(parts[1]) : -1;
        switch (parts[0]) {
            case "add" -> {
                if (stages.size() >= PipelineRules.MAX_STAGES) {
                    PageRefusals.onPage(page, "validation.pipeline.tooLong", new Object[] {PipelineRules.MAX_STAGES});
                    break;
                }
                boolean hiredLast = !stages.isEmpty() && stages.get(stages.size() - 1).getKind() == StageKind.HIRED;
                int at = hiredLast ? stages.size() - 1 : stages.size();
                Row row = new Row();
                row.setKind(StageKind.INTERVIEW);
                stages.add(at, row);
                focus = "stages[" + at + "].name";
            }
            case "up" -> {
                if (index > 0 && index < stages.size()) {
                    Collections.swap(stages, index, index - 1);
                    focus = index - 1 > 0 ? "up:" + (index - 1) : "down:0";
                }
            }
            case "down" -> {
                if (index >= 0 && index < stages.size() - 1) {
                    Collections.swap(stages, index, index + 1);
                    focus = index + 1 < stages.size() - 1 ? "down:" + (index + 1) : "up:" + (index + 1);
                }
            }
            case "remove" -> {
                if (index >= 0 && index < stages.size()) {
                    stages.remove(index);
                }
            }
            default -> {
            }
        }
        page.addAttribute("form", form);
        page.addAttribute("focus", focus);
        page.addAttribute("unsaved", true);
        return form;
    }

    /** What the stage rows need besides the form. */
    static void addChoices(Model page) {
        page.addAttribute("kinds", StageKind.values());
        if (!page.containsAttribute("focus")) {
            page.addAttribute("focus", "");
        }
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notAnIndex) {
            return -1;
        }
    }
}
