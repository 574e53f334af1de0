package io.hireflow.assessments;

import java.util.List;

/**
 * A question as written in the editor, the API or a CSV row, before it is checked: the kind, difficulty and language
 * as given (names), lists as given (blank entries are dropped when it is checked).
 */
public record QuestionDraft(String topic, String difficulty, String kind, String language, String prompt,
        List<String> choices, List<String> correct, List<String> acceptedAnswers, String gradingNotes,
        List<String> tags) {

    public QuestionDraft {
        choices = choices == null ? List.of() : choices;
        correct = correct == null ? List.of() : correct;
        acceptedAnswers = acceptedAnswers == null ? List.of() : acceptedAnswers;
        tags = tags == null ? List.of() : tags;
    }
}
