package io.hireflow.notifications;

import java.time.Instant;
import java.util.List;

/**
 * An organization's template for one event in one language: its own wording when {@code custom}, else the shipped
 * default. {@code version} is null for a default (nothing stored yet).
 */
public record MessageTemplate(MessageEvent event, String language, String subject, String body, boolean custom,
        Long version, Instant updatedAt) {

    public List<String> variables() {
        return event.variables();
    }
}
