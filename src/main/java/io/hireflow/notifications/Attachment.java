package io.hireflow.notifications;

import java.nio.charset.StandardCharsets;

/**
 * A file sent with a message: its file name (Hireflow's own, plain ASCII), its full content type (as
 * {@code text/calendar; method=REQUEST} or {@code application/pdf}) and its bytes; a text type's bytes are UTF-8.
 */
public record Attachment(String name, String contentType, byte[] content) {

    /** An iCalendar object for iTIP: {@code METHOD:REQUEST} or {@code METHOD:CANCEL}, as its content says. */
    public static Attachment calendar(String content, boolean cancel) {
        return new Attachment(cancel ? "cancel.ics" : "invite.ics",
                "text/calendar; method=" + (cancel ? "CANCEL" : "REQUEST"), content.getBytes(StandardCharsets.UTF_8));
    }

    /** A PDF document. */
    public static Attachment pdf(String name, byte[] content) {
        return new Attachment(name, "application/pdf", content);
    }

    /** Whether it is text, sent with {@code charset=UTF-8}. */
    boolean text() {
        return contentType.startsWith("text/");
    }
}
