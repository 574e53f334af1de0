package io.hireflow.jobs;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A question a job asks on its apply form, as staff wrote it: in Korean, in English or in both, so that each reader
 * gets their language and otherwise the other one. Its id stays while the question is edited, so the answers to it
 * can be told apart from the answers to other questions.
 *
 * @param position where it comes on the form, from 1
 * @param choices  what to choose from, for the choice kinds; empty for the others
 */
public record JobQuestion(UUID id, int position, QuestionKind kind, String textKo, String textEn,
        List<String> choices, boolean required) {

    public JobQuestion {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The question in the reader's language, or in the other language when it was not written in theirs. */
    public String text(Locale locale) {
        boolean korean = Locale.KOREAN.getLanguage().equals(locale.getLanguage());
        String preferred = korean ? textKo : textEn;
        return preferred != null ? preferred : (korean ? textEn : textKo);
    }
}
