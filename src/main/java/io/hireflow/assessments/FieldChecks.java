package io.hireflow.assessments;

import java.util.Arrays;
import java.util.List;

import io.hireflow.shared.EnumNames;
import io.hireflow.shared.InvalidInputException.FieldProblem;

/** The checks the assessments' forms share, each adding its problem to a list so that all are reported at once. */
final class FieldChecks {

    private FieldChecks() {
    }

    /** The text stripped (null when blank); a problem when it is required and blank, or longer than {@code max}. */
    static String text(String value, int max, String field, boolean required, List<FieldProblem> problems) {
        String text = blankToNull(value);
        if (text == null) {
            if (required) {
                problems.add(new FieldProblem(field, "validation.required"));
            }
            return null;
        }
        if (text.length() > max) {
            problems.add(new FieldProblem(field, "validation.tooLong", max));
        }
        return text;
    }

    /** The constant of that name (any case); a problem naming the allowed ones when it is none of them. */
    static <E extends Enum<E>> E choice(Class<E> type, String name, String field, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required"));
            return null;
        }
        E value = EnumNames.parse(type, name.strip());
        if (value == null) {
            problems.add(new FieldProblem(field, "validation.oneOf",
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        }
        return value;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
