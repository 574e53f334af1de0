package io.hireflow.pipeline;

import java.util.Locale;

import org.springframework.context.MessageSource;

import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;

/** A refusal in the reader's language, for pages that report it in one line. */
final class Refusals {

    private Refusals() {
    }

    static String text(MessageSource messages, HireflowException refusal, Locale locale) {
        if (refusal instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
            var problem = invalid.problems().get(0);
            return messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale);
        }
        return messages.getMessage(refusal.code(), refusal.arguments(), refusal.code(), locale);
    }
}
