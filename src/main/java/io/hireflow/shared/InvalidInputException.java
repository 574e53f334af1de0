package io.hireflow.shared;

import java.util.List;

/** Input that breaks a rule Bean Validation cannot see; names each bad field (400). */
public class InvalidInputException extends HireflowException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(String field, String code, Object... arguments) {
        this(List.of(new FieldProblem(field, code, arguments)));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super("error.invalidInput");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public record FieldProblem(String field, String code, Object... arguments) {
    }
}
