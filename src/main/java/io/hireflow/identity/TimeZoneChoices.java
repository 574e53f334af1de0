package io.hireflow.identity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The time zones an organization picks from: the ones Hireflow's customers and their candidates mostly live in, plus
 * whatever the organization has now (set through the API, it may be any zone Java knows).
 */
final class TimeZoneChoices {

    static final List<String> SENSIBLE = List.of("Asia/Seoul", "Asia/Tokyo", "Asia/Shanghai", "Asia/Hong_Kong",
            "Asia/Taipei", "Asia/Singapore", "Asia/Ho_Chi_Minh", "Asia/Bangkok", "Asia/Jakarta", "Asia/Kolkata",
            "Asia/Dubai", "Europe/London", "Europe/Paris", "Europe/Berlin", "America/New_York", "America/Chicago",
            "America/Denver", "America/Los_Angeles", "America/Toronto", "America/Sao_Paulo", "Australia/Sydney",
            "Pacific/Auckland", "UTC");

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    /** One option of the select: the zone id and a label with its offset now, e.g. "(UTC+09:00) Asia/Seoul". */
    record Choice(String id, String label, int offsetSeconds) {
    }

    private TimeZoneChoices() {
    }

    static List<Choice> including(String current, Instant now) {
        Set<String> ids = new LinkedHashSet<>(SENSIBLE);
        if (current != null) {
            ids.add(current);
        }
        return ids.stream().map(id -> choice(id, now)).filter(choice -> choice != null)
                .sorted(Comparator.comparingInt(Choice::offsetSeconds).thenComparing(Choice::id))
                .toList();
    }

    private static Choice choice(String id, Instant now) {
        try {
            var offset = ZoneId.of(id).getRules().getOffset(now);
            return new Choice(id, "(UTC" + OFFSET.format(offset) + ") " + id, offset.getTotalSeconds());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
