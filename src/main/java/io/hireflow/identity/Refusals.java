package io.hireflow.identity;

import java.util.Arrays;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;

/**
 * Shows a service's refusal in the page whose form caused it: beside the field it names when the form has that field,
 * otherwise above the page (the layout renders {@code problem} with {@code problemArgs}). Codes are message keys, so
 * they go in as both the error code and its default message.
 */
final class Refusals {

    private Refusals() {
    }

    static void show(InvalidInputException refusal, BindingResult form, Model model) {
        for (var problem : refusal.problems()) {
            if (hasField(form, problem.field())) {
                form.rejectValue(problem.field(), problem.code(), problem.arguments(), problem.code());
            } else {
                onPage(refusal, model);
            }
        }
    }

    static void beside(String field, HireflowException refusal, BindingResult form) {
        form.rejectValue(field, refusal.code(), refusal.arguments(), refusal.code());
    }

    static void onPage(HireflowException refusal, Model model) {
        onPage(refusal.code(), refusal.arguments(), model);
    }

    static void onPage(String code, Object[] arguments, Model model) {
        model.addAttribute("problem", code);
        model.addAttribute("problemArgs", arguments);
    }

    private static boolean hasField(BindingResult form, String field) {
        Object target = form.getTarget();
        return target != null && target.getClass().isRecord()
                && Arrays.stream(target.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(field));
    }
}
