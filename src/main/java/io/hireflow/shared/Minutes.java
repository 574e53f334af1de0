package io.hireflow.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times people choose to the minute ("send at 16:00"): read from a page's {@code datetime-local} field in the
 * organization's time zone, dropped to their minute, and refused when that minute has passed.
 */
public final class Minutes {

    private Minutes() {
    }

    /** The requested time dropped to its minute; refused (400, naming {@code field}) when that minute is over. */
    public static Instant notPast(Instant requested, Instant now, String field) {
        Instant minute = requested.truncatedTo(ChronoUnit.MINUTES);
        if (minute.isBefore(now.truncatedTo(ChronoUnit.MINUTES))) {
            throw new InvalidInputException(field, "validation.past");
        }
        return minute;
    }

    /** A {@code datetime-local} value read in the zone; blank is none, anything else unreadable is refused. */
    public static Instant local(String value, ZoneId zone, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "validation.format");
        }
    }
}
