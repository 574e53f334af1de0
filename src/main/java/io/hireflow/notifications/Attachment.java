package io.hireflow.notifications;

/**
 * A text file sent with a message: its file name, its full content type (as {@code text/calendar; method=REQUEST})
 * and its content, sent in UTF-8.
 */
public record Attachment(String name, String contentType, String content) {

    /** An iCalendar object for iTIP: {@code METHOD:REQUEST} or {@code METHOD:CANCEL}, as its content says. */
    public static Attachment calendar(String content, boolean cancel) {
        return new Attachment(cancel ? "cancel.ics" : "invite.ics",
                "text/calendar; method=" + (cancel ? "CANCEL" : "REQUEST"), content);
    }
}
