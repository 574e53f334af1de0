package io.hireflow.shared;

import java.util.List;
import java.util.Locale;

/** The languages Hireflow speaks: its pages, its messages to candidates, its question bank. */
public final class Languages {

    /** Korean and English, as language tags. */
    public static final List<String> ALL = List.of("ko", "en");

    /** The one of them that suits the locale: Korean for Korean, English for everything else. */
    public static String of(Locale locale) {
        return locale != null && "ko".equals(locale.getLanguage()) ? "ko" : "en";
    }

    private Languages() {
    }
}
