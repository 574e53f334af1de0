package io.hireflow.pipeline;

import java.util.Locale;
import java.util.UUID;

/** One of the organization's reasons for rejecting an application. */
public record RejectionReason(UUID id, String code, String labelKo, String labelEn, int position, boolean active) {

    public String label(Locale locale) {
        return Locale.KOREAN.getLanguage().equals(locale.getLanguage()) ? labelKo : labelEn;
    }
}
