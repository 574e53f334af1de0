package io.hireflow.jobs;

import java.util.Map;

import org.springframework.beans.BeansException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;

/**
 * How the jobs pages show a service's refusal: a problem with a field goes beside that field, a refusal of the whole
 * change goes to the top of the page (the layout shows {@code problem} with {@code problemArgs}).
 */
final class FormProblems {

    private FormProblems() {
    }

    /** Each problem beside its field; {@code fields} renames the service's field names to the form's. */
    static void reject(BindingResult form, InvalidInputException refusal, Map<String, String> fields) {
        for (InvalidInputException.FieldProblem problem : refusal.problems()) {
            String field = fields.getOrDefault(problem.field(), problem.field());
            try {
                form.rejectValue(field, problem.code(), problem.arguments(), problem.code());
            } catch (BeansException noSuchField) {
                form.reject(problem.code(), problem.arguments(), problem.code());
            }
        }
    }

    static void reject(BindingResult form, InvalidInputException refusal) {
        reject(form, refusal, Map.of());
    }

    static void refuse(Model page, HireflowException refusal) {
        page.addAttribute("problem", refusal.code());
        page.addAttribute("problemArgs", refusal.arguments());
    }
}
