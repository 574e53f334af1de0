package io.hireflow.shared;

import java.util.List;

/** The languages Hireflow speaks: its pages, its messages to candidates, its question bank. */
public final class Languages {

    /** Korean and English, as language tags. */
    public static final List<String> ALL = List.of("ko", "en");

    private Languages() {
    }
}
