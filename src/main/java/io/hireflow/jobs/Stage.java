package io.hireflow.jobs;

import java.util.Locale;

/**
 * One step of a job's pipeline: its kind, the name staff use, the name candidates see (Korean and English), and how
 * many days a decision may take before the stage counts as overdue ({@code null}: no deadline).
 */
public record Stage(StageId id, int position, StageKind kind, String name, String candidateNameKo,
        String candidateNameEn, Integer deadlineDays) {

    public String candidateName(Locale locale) {
        return Locale.KOREAN.getLanguage().equals(locale.getLanguage()) ? candidateNameKo : candidateNameEn;
    }
}
