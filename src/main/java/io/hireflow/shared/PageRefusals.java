package io.hireflow.shared;

import java.util.Locale;
import java.util.Map;

import org.springframework.beans.BeansException;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How pages show a service's refusal: a problem with a field beside that field, a refusal of the whole change at the
 * top of the page (the layout renders the model's {@code problem} code with {@code problemArgs}). Codes are message
 * keys, so they go in as both the error code and its default message.
 */
public final class PageRefusals {

    private PageRefusals() {
    }

    /** Each problem beside its field ({@code renames} maps the service's names to the form's); others on the page. */
    public static void beside(BindingResult form, InvalidInputException refusal, Map<String, String> renames,
            Model page) {
        for (InvalidInputException.FieldProblem problem : refusal.problems()) {
            String field = renames.getOrDefault(problem.field(), problem.field());
            try {
                form.rejectValue(field, problem.code(), problem.arguments(), problem.code());
            } catch (BeansException noSuchField) {
                onPage(page, problem.code(), problem.arguments());
            }
        }
    }

    public static void beside(BindingResult form, InvalidInputException refusal, Model page) {
        beside(form, refusal, Map.of(), page);
    }

    /** A refusal that belongs to one field of the form, whatever the service called it. */
    public static void beside(BindingResult form, String field, HireflowException refusal) {
        form.rejectValue(field, refusal.code(), refusal.arguments(), refusal.code());
    }

    public static void onPage(Model page, HireflowException refusal) {
        onPage(page, refusal.code(), refusal.arguments());
    }

    public static void onPage(Model page, String code, Object[] arguments) {
        page.addAttribute("problem", code);
        page.addAttribute("problemArgs", arguments);
    }

    /**
     * For the page after a redirect, the refusal itself: its code and arguments, or an invalid input's first problem
     * (the layout shows the problem, without its field).
     */
    public static void flash(RedirectAttributes redirect, HireflowException refusal) {
        if (refusal instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
            redirect.addFlashAttribute("problem", invalid.problems().get(0).code());
            redirect.addFlashAttribute("problemArgs", invalid.problems().get(0).arguments());
        } else {
            redirect.addFlashAttribute("problem", refusal.code());
            redirect.addFlashAttribute("problemArgs", refusal.arguments());
        }
    }

    /** For the page after a redirect: {@code code} is a message with one argument, the refusal in words. */
    public static void flash(RedirectAttributes redirect, String code, String why) {
        redirect.addFlashAttribute("problem", code);
        redirect.addFlashAttribute("problemArgs", new Object[] {why});
    }

    /** The refusal in the reader's language, in one line. */
    public static String text(MessageSource messages, HireflowException refusal, Locale locale) {
        if (refusal instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
            var problem = invalid.problems().get(0);
            return messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale);
        }
        return messages.getMessage(refusal.code(), refusal.arguments(), refusal.code(), locale);
    }
}
