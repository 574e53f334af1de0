package io.hireflow.interviews;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

/**
 * An interview as an iCalendar (RFC 5545) object for iTIP (RFC 5546): {@code METHOD:REQUEST} for a new or changed
 * interview, {@code METHOD:CANCEL} with {@code STATUS:CANCELLED} for one called off; one {@code UID} for the
 * interview's life and its {@code SEQUENCE}, so calendars update or remove the one event. Times carry the
 * organization's zone with its {@code VTIMEZONE}, so each attendee's calendar shows them in its own zone.
 */
final class InterviewCalendar {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** Each zone's VTIMEZONE, built once: building one reads the zone's rules anew each time. Only ever read. */
    private static final Map<ZoneId, VTimeZone> VTIMEZONES = new ConcurrentHashMap<>();

    private InterviewCalendar() {
    }

    /** Someone on the invite: a name and an email. */
    record Person(String name, String email) {
    }

    /** What one invite says: {@code link} is where the recipient reads more (the kit, for an interviewer). */
    record Invite(String uid, int sequence, boolean cancel, String summary, Instant start, Instant end, ZoneId zone,
            String location, String description, String link, Person organizer, List<Person> attendees,
            Instant stamp) {
    }

    static String uid(java.util.UUID interviewId) {
        return "interview-" + interviewId + "@hireflow";
    }

    static String write(Invite invite) {
        VEvent event = new VEvent(invite.start().atZone(invite.zone()), invite.end().atZone(invite.zone()),
                invite.summary());
        event.replace(new DtStamp(invite.stamp()));
        event.add(new Uid(invite.uid()));
        event.add(new Sequence(invite.sequence()));
        Organizer organizer = new Organizer(mailto(invite.organizer().email()));
        organizer.add(new Cn(invite.organizer().name()));
        event.add(organizer);
        for (Person person : invite.attendees()) {
            Attendee attendee = new Attendee(mailto(person.email()));
            attendee.add(new Cn(person.name()));
            attendee.add(Role.REQ_PARTICIPANT);
            if (!invite.cancel()) {
                attendee.add(PartStat.NEEDS_ACTION);
                attendee.add(Rsvp.TRUE);
            }
            event.add(attendee);
        }
        event.add(new Status(invite.cancel() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        if (invite.location() != null) {
            event.add(new Location(invite.location()));
        }
        if (invite.description() != null) {
            event.add(new Description(invite.description()));
        }
        if (invite.link() != null) {
            event.add(new Url(URI.create(invite.link())));
        }
        Calendar calendar = new Calendar().withProdId("-//Hireflow//Interviews//EN").withDefaults()
                .withProperty(new Method(invite.cancel() ? Method.VALUE_CANCEL : Method.VALUE_REQUEST))
                .withComponent(VTIMEZONES.computeIfAbsent(invite.zone(),
                        zone -> ZONES.getTimeZone(zone.getId()).getVTimeZone()))
                .withComponent(event).getFluentTarget();
        // the object's text as is (CalendarOutputter would only fold it, by characters, and validate what is fixed
        // here; the tests parse and check it), folded by octets
        return fold(calendar.toString());
    }

    /**
     * Folds every line to at most 75 octets of UTF-8 (RFC 5545 section 3.1; the library folds by characters, which
     * Korean text takes past 75 octets), never inside a character: a continuation starts with one space.
     */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length() + text.length() / 50);
        for (String line : text.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email);
    }
}
