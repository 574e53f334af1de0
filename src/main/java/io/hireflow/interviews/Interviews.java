package io.hireflow.interviews;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.StaffUserView;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageKind;
import io.hireflow.pipeline.ApplicationStatus;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * Scheduling interviews. An interview belongs to an application active in an {@code INTERVIEW} stage; its time is set
 * by the recruiter or picked by the candidate from offered slots. A scheduled interview holds its panel's time in
 * {@code interviewer_busy}, whose exclusion constraint makes two overlapping interviews for one interviewer
 * impossible even when two are scheduled at the same moment; a look first names who is busy. Every change that is sent
 * out raises the interview's iCalendar {@code sequence}.
 */
@Service
public class Interviews {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 500;
    static final int MAX_PANEL = 10;
    static final int MAX_SLOTS = 10;
    static final int MAX_ROLE = 60;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final PipelineManagement pipeline;
    private final JobManagement jobs;
    private final IdentityManagement identity;
    private final InterviewInvites invites;
    private final Clock clock;

    Interviews(JdbcClient jdbc, PipelineManagement pipeline, JobManagement jobs, IdentityManagement identity,
            InterviewInvites invites, Clock clock) {
        this.invites = invites;
        this.jdbc = jdbc;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.identity = identity;
        this.clock = clock;
    }

    /** An interview as written: its time, or the slots to offer (one of the two), and the panel. */
    public record Draft(String title, String kind, Integer durationMinutes, String format, String location,
            String videoLink, Instant startsAt, List<Instant> slots, List<PanelDraft> panel) {

        public Draft {
            slots = slots == null ? List.of() : slots;
            panel = panel == null ? List.of() : panel;
        }
    }

    /** A member of the panel as written: a member of staff and their role on the panel. */
    public record PanelDraft(UUID userId, String role) {
    }

    /**
     * Schedules an interview for an application active in an interview stage (409 otherwise): at {@code startsAt},
     * or offering {@code slots} for the candidate to pick from. Every problem of the draft is named at once (400); a
     * time when one of the panel has another interview is refused with who and when (409).
     */
    @Transactional
    public Interview schedule(Actor actor, UUID applicationId, Draft draft, String baseUrl) {
        OrganizationId organization = actor.organizationId();
        ApplicationView application = pipeline.application(organization, new JobApplicationId(applicationId));
        Stage stage = jobs.stages(organization, Set.of(application.stageId())).get(application.stageId());
        if (application.status() != ApplicationStatus.ACTIVE || stage == null
                || stage.kind() != StageKind.INTERVIEW) {
            throw new ConflictException("error.interview.notInInterviewStage");
        }
        Checked checked = check(organization, draft);
        if (checked.format != InterviewFormat.IN_PERSON && !remoteAllowed(organization, checked.kind)) {
            throw new ConflictException("error.interview.policyInPerson", checked.kind.name());
        }
        Instant now = clock.instant();
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into interview (id, organization_id, application_id, stage_id, title, kind, duration_minutes,
                                       format, location, video_link, starts_at, status, created_at, created_by,
                                       updated_at)
                values (:id, :org, :application, :stage, :title, :kind, :minutes, :format, :location, :video, :starts,
                        :status, :now, :by, :now)""")
                .param("id", id).param("org", organization.value()).param("application", applicationId)
                .param("stage", stage.id().value()).param("title", checked.title).param("kind", checked.kind.name())
                .param("minutes", checked.minutes).param("format", checked.format.name())
                .param("location", checked.location).param("video", checked.videoLink)
                .param("starts", checked.startsAt == null ? null : Timestamp.from(checked.startsAt))
                .param("status", (checked.startsAt == null ? InterviewStatus.OFFERED : InterviewStatus.SCHEDULED)
                        .name())
                .param("now", Timestamp.from(now)).param("by", actor.userId()).update();
        // the panel in one statement, in the order given
        jdbc.sql("""
                insert into interview_panelist (interview_id, user_id, position, panel_role)
                select ?, member.user_id, member.position - 1, member.panel_role
                from unnest(?::uuid[], ?::text[]) with ordinality as member (user_id, panel_role, position)""")
                .params(id, checked.panel.keySet().toArray(UUID[]::new),
                        checked.panel.values().toArray(String[]::new))
                .update();
        for (Instant slot : checked.slots) {
            refuseOverlap(organization, id, checked.panel.keySet(), slot, checked.minutes);
            jdbc.sql("insert into interview_slot (id, interview_id, starts_at) values (?, ?, ?)")
                    .params(Ids.newId(), id, Timestamp.from(slot)).update();
        }
        Interview interview = interview(organization, id);
        if (checked.startsAt != null) {
            hold(organization, id, checked.panel.keySet(), checked.startsAt, checked.minutes);
            invites.send(actor, interview, application, InterviewInvites.Change.SCHEDULED, baseUrl);
        } else {
            invites.offer(actor, interview, baseUrl);
        }
        return interview;
    }

    /**
     * Moves a scheduled interview to another time (not past; 400), raising its sequence; refused (409) for a time one
     * of the panel is taken, for an interview not scheduled, or for a stale version.
     */
    @Transactional
    public Interview reschedule(Actor actor, UUID interviewId, Instant startsAt, Long version, String baseUrl) {
        Interview interview = interview(actor.organizationId(), interviewId);
        if (version == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        Instant start = future(startsAt, "startsAt");
        if (interview.status() != InterviewStatus.SCHEDULED) {
            throw new ConflictException("error.interview.notScheduled");
        }
        int changed = jdbc.sql("""
                update interview set starts_at = ?, sequence = sequence + 1, updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(Timestamp.from(start), Timestamp.from(clock.instant()), interviewId, version).update();
        if (changed == 0) {
            throw new ConflictException("error.stale");
        }
        jdbc.sql("delete from interviewer_busy where interview_id = ?").param(interviewId).update();
        hold(actor.organizationId(), interviewId, interview.panelIds(), start, interview.durationMinutes());
        Interview moved = interview(actor.organizationId(), interviewId);
        invites.send(actor, moved, InterviewInvites.Change.MOVED, baseUrl);
        return moved;
    }

    /** Calls an interview off with a reason, raising its sequence and freeing the panel's time. */
    @Transactional
    public Interview cancel(Actor actor, UUID interviewId, String reason, Long version, String baseUrl) {
        Interview interview = interview(actor.organizationId(), interviewId);
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            throw new InvalidInputException("reason", "validation.required");
        }
        if (why.length() > MAX_TEXT) {
            throw new InvalidInputException("reason", "validation.tooLong", MAX_TEXT);
        }
        if (version == null) {
            throw new InvalidInputException("version", "validation.required");
        }
        if (interview.status() == InterviewStatus.CANCELLED) {
            throw new ConflictException("error.interview.cancelled");
        }
        int changed = jdbc.sql("""
                update interview set status = 'CANCELLED', cancel_reason = ?, sequence = sequence + 1, updated_at = ?,
                                     version = version + 1
                where id = ? and version = ?""")
                .params(why, Timestamp.from(clock.instant()), interviewId, version).update();
        if (changed == 0) {
            throw new ConflictException("error.stale");
        }
        jdbc.sql("delete from interviewer_busy where interview_id = ?").param(interviewId).update();
        Interview cancelled = interview(actor.organizationId(), interviewId);
        if (cancelled.startsAt() != null) {
            invites.send(actor, cancelled, InterviewInvites.Change.CANCELLED, baseUrl);
        }
        return cancelled;
    }

    /**
     * The candidate picks one of the offered slots (through the portal, by their email: an interview that is not
     * theirs is not found). First come, first served: a slot one of the panel has been taken at since is refused
     * (409), as is an interview no longer offering slots.
     */
    @Transactional
    public Interview pick(String email, UUID interviewId, UUID slotId, String baseUrl) {
        OrganizationId organization = organizationOf(email, interviewId);
        Interview interview = interview(organization, interviewId);
        Interview.Slot slot = interview.slots().stream().filter(s -> s.id().equals(slotId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("slotId", "validation.interview.notASlot"));
        if (interview.status() != InterviewStatus.OFFERED) {
            throw new ConflictException("error.interview.notOffering");
        }
        if (!slot.startsAt().isAfter(clock.instant())) {
            throw new ConflictException("error.interview.slotPast");
        }
        int changed = jdbc.sql("""
                update interview set starts_at = ?, status = 'SCHEDULED', updated_at = ?, version = version + 1
                where id = ? and status = 'OFFERED'""")
                .params(Timestamp.from(slot.startsAt()), Timestamp.from(clock.instant()), interviewId).update();
        if (changed == 0) {
            throw new ConflictException("error.interview.notOffering");
        }
        try {
            hold(organization, interviewId, interview.panelIds(), slot.startsAt(), interview.durationMinutes());
        } catch (ConflictException taken) {
            throw new ConflictException("error.interview.slotTaken");
        }
        Interview picked = interview(organization, interviewId);
        String candidate = jdbc.sql("select candidate_name from job_application where id = ?")
                .param(picked.applicationId()).query(String.class).single();
        invites.send(new Actor(null, organization, candidate + " (portal)", Set.of(),
                identity.organization(organization).timeZone()), picked, InterviewInvites.Change.SCHEDULED, baseUrl);
        return picked;
    }

    /** The organization of an interview of the candidate with this email; not found when it is not theirs. */
    public OrganizationId organizationOf(String email, UUID interviewId) {
        return jdbc.sql("""
                select i.organization_id from interview i
                join job_application a on a.id = i.application_id
                join candidate c on c.id = a.candidate_id
                where i.id = ? and lower(c.email) = lower(?)""")
                .params(interviewId, email.strip()).query(UUID.class).optional().map(OrganizationId::new)
                .orElseThrow(() -> new NotFoundException("interview"));
    }

    @Transactional(readOnly = true)
    public Interview interview(OrganizationId organization, UUID interviewId) {
        return jdbc.sql("select * from interview where id = ? and organization_id = ?")
                .params(interviewId, organization.value()).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("interview"));
    }

    /** An interview on an interviewer's list: when, what, with whom, for which job, how, and their role. */
    public record Upcoming(UUID id, UUID applicationId, String candidateName, String jobTitle, String title,
            Instant startsAt, Instant endsAt, InterviewFormat format, String location, String videoLink,
            String panelRole) {
    }

    /** How many of a user's coming interviews their Interviews page lists. */
    public static final int MINE = 50;

    /**
     * The interviews the user is on the panel of, from the start of yesterday on, soonest first (at most {@link
     * #MINE}).
     */
    @Transactional(readOnly = true)
    public List<Upcoming> mine(Actor actor) {
        return jdbc.sql("""
                select i.id, i.application_id, a.candidate_name, j.title as job_title, i.title, i.starts_at,
                       i.duration_minutes, i.format, i.location, i.video_link, p.panel_role
                from interview_panelist p
                join interview i on i.id = p.interview_id
                join job_application a on a.id = i.application_id
                join job j on j.id = a.job_id
                where p.user_id = ? and i.organization_id = ? and i.status = 'SCHEDULED' and i.starts_at >= ?
                order by i.starts_at limit ?""")
                .params(actor.userId(), actor.organizationId().value(),
                        Timestamp.from(clock.instant().minus(Duration.ofDays(1))), MINE)
                .query((rs, row) -> {
                    Instant start = rs.getTimestamp("starts_at").toInstant();
                    return new Upcoming(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                            rs.getString("candidate_name"), rs.getString("job_title"), rs.getString("title"), start,
                            start.plus(Duration.ofMinutes(rs.getInt("duration_minutes"))),
                            InterviewFormat.valueOf(rs.getString("format")), rs.getString("location"),
                            rs.getString("video_link"), rs.getString("panel_role"));
                }).list();
    }

    /** The application's interviews, soonest first (those offering slots last). */
    @Transactional(readOnly = true)
    public List<Interview> ofApplication(OrganizationId organization, UUID applicationId) {
        return jdbc.sql("""
                select * from interview where organization_id = ? and application_id = ?
                order by starts_at nulls last, created_at""")
                .params(organization.value(), applicationId).query(this::row).list();
    }

    private Interview row(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Instant starts = rs.getTimestamp("starts_at") == null ? null : rs.getTimestamp("starts_at").toInstant();
        int minutes = rs.getInt("duration_minutes");
        List<Interview.Panelist> panel = jdbc.sql("""
                select p.user_id, u.display_name, u.email, p.panel_role from interview_panelist p
                join staff_user u on u.id = p.user_id where p.interview_id = ? order by p.position""")
                .param(id).query((r, n) -> new Interview.Panelist(r.getObject(1, UUID.class), r.getString(2),
                        r.getString(3), r.getString(4))).list();
        // a slot is free when nobody of the panel is held then by another interview
        List<Interview.Slot> slots = jdbc.sql("""
                select s.id, s.starts_at, not exists (
                    select 1 from interviewer_busy b join interview_panelist p on p.user_id = b.user_id
                    where p.interview_id = s.interview_id and b.interview_id <> s.interview_id
                      and b.during && tstzrange(s.starts_at, s.starts_at + make_interval(mins => ?))) as free
                from interview_slot s where s.interview_id = ? order by s.starts_at""")
                .params(minutes, id).query((r, n) -> new Interview.Slot(r.getObject(1, UUID.class),
                        r.getTimestamp(2).toInstant(), r.getBoolean(3))).list();
        return new Interview(id, rs.getObject("application_id", UUID.class), rs.getObject("stage_id", UUID.class),
                rs.getString("title"), InterviewKind.valueOf(rs.getString("kind")), minutes,
                InterviewFormat.valueOf(rs.getString("format")), rs.getString("location"),
                rs.getString("video_link"), starts, starts == null ? null : starts.plus(Duration.ofMinutes(minutes)),
                InterviewStatus.valueOf(rs.getString("status")), rs.getInt("sequence"),
                rs.getString("cancel_reason"), panel, slots, rs.getLong("version"));
    }

    // the organization's in-person policy: only the kinds it lists may be held remotely without an exception
    private boolean remoteAllowed(OrganizationId organization, InterviewKind kind) {
        return jdbc.sql("select ? = any(remote_kinds) from interview_policy where organization_id = ?")
                .params(kind.name(), organization.value()).query(Boolean.class).optional().orElse(false);
    }

    // takes the panel's time; the exclusion constraint refuses an overlap the look before missed (a concurrent one)
    private void hold(OrganizationId organization, UUID interviewId, java.util.Collection<UUID> panel, Instant start,
            int minutes) {
        refuseOverlap(organization, interviewId, panel, start, minutes);
        try {
            jdbc.sql("""
                    insert into interviewer_busy (interview_id, user_id, during)
                    select interview_id, user_id, tstzrange(:start, :end) from interview_panelist
                    where interview_id = :id""")
                    .param("start", Timestamp.from(start))
                    .param("end", Timestamp.from(start.plus(Duration.ofMinutes(minutes)))).param("id", interviewId)
                    .update();
        } catch (DataIntegrityViolationException overlap) {
            throw new ConflictException("error.interview.overlapConcurrent");
        }
    }

    private void refuseOverlap(OrganizationId organization, UUID interviewId, java.util.Collection<UUID> panel,
            Instant start, int minutes) {
        jdbc.sql("""
                select u.display_name, lower(b.during) from interviewer_busy b join staff_user u on u.id = b.user_id
                where b.user_id = any(:panel) and b.interview_id <> :id and b.during && tstzrange(:start, :end)
                order by lower(b.during) limit 1""")
                .param("panel", panel.toArray(UUID[]::new)).param("id", interviewId)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(Duration.ofMinutes(minutes))))
                .query((rs, row) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}).optional()
                .ifPresent(busy -> {
                    ZoneId zone = identity.organization(organization).timeZone();
                    throw new ConflictException("error.interview.overlap", busy[0],
                            MINUTE.format(((Instant) busy[1]).atZone(zone)) + " (" + zone.getId() + ")");
                });
    }

    private record Checked(String title, InterviewKind kind, int minutes, InterviewFormat format, String location,
            String videoLink, Instant startsAt, List<Instant> slots, Map<UUID, String> panel) {
    }

    private Checked check(OrganizationId organization, Draft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = text(draft.title(), MAX_TITLE, "title", true, problems);
        InterviewKind kind = choice(InterviewKind.class, draft.kind(), "kind", InterviewKind.TECHNICAL, problems);
        InterviewFormat format = choice(InterviewFormat.class, draft.format(), "format", InterviewFormat.IN_PERSON,
                problems);
        Integer minutes = draft.durationMinutes();
        if (minutes == null) {
            problems.add(new FieldProblem("durationMinutes", "validation.required"));
        } else if (minutes < 10 || minutes > 480) {
            problems.add(new FieldProblem("durationMinutes", "validation.interview.duration"));
        }
        String location = text(draft.location(), MAX_TEXT, "location", format == InterviewFormat.IN_PERSON, problems);
        String video = text(draft.videoLink(), MAX_TEXT, "videoLink", format == InterviewFormat.VIDEO, problems);
        if (video != null && !video.matches("^https://\\S+$")) {
            problems.add(new FieldProblem("videoLink", "validation.interview.videoLink"));
        }
        Instant now = clock.instant();
        Instant start = null;
        List<Instant> slots = new ArrayList<>();
        if (draft.startsAt() != null && !draft.slots().isEmpty()) {
            problems.add(new FieldProblem("slots", "validation.interview.timeOrSlots"));
        } else if (draft.startsAt() != null) {
            start = draft.startsAt().truncatedTo(ChronoUnit.MINUTES);
            if (!start.isAfter(now)) {
                problems.add(new FieldProblem("startsAt", "validation.interview.past"));
            }
        } else if (draft.slots().isEmpty()) {
            problems.add(new FieldProblem("startsAt", "validation.interview.timeOrSlots"));
        } else if (draft.slots().size() > MAX_SLOTS) {
            problems.add(new FieldProblem("slots", "validation.interview.tooManySlots", MAX_SLOTS));
        } else {
            Set<Instant> distinct = new LinkedHashSet<>();
            for (int i = 0; i < draft.slots().size(); i++) {
                Instant slot = draft.slots().get(i);
                if (slot == null) {
                    problems.add(new FieldProblem("slots[" + i + "]", "validation.required"));
                } else if (!slot.truncatedTo(ChronoUnit.MINUTES).isAfter(now)) {
                    problems.add(new FieldProblem("slots[" + i + "]", "validation.interview.past"));
                } else if (!distinct.add(slot.truncatedTo(ChronoUnit.MINUTES))) {
                    problems.add(new FieldProblem("slots[" + i + "]", "validation.interview.sameSlot"));
                }
            }
            slots.addAll(distinct);
        }
        Map<UUID, String> panel = new LinkedHashMap<>();
        if (draft.panel().isEmpty()) {
            problems.add(new FieldProblem("panel", "validation.interview.panel", MAX_PANEL));
        } else if (draft.panel().size() > MAX_PANEL) {
            problems.add(new FieldProblem("panel", "validation.interview.panel", MAX_PANEL));
        } else {
            Map<UUID, StaffUserView> staff = new LinkedHashMap<>();
            identity.users(organization).stream().filter(StaffUserView::enabled)
                    .forEach(user -> staff.put(user.id(), user));
            for (int i = 0; i < draft.panel().size(); i++) {
                PanelDraft member = draft.panel().get(i);
                String field = "panel[" + i + "]";
                String role = member == null ? null : text(member.role(), MAX_ROLE, field + ".role", true, problems);
                if (member == null || member.userId() == null || !staff.containsKey(member.userId())) {
                    problems.add(new FieldProblem(field + ".userId", "validation.interview.notStaff"));
                } else if (panel.containsKey(member.userId())) {
                    problems.add(new FieldProblem(field + ".userId", "validation.interview.twice"));
                } else if (role != null) {
                    panel.put(member.userId(), role);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(title, kind, minutes, format, format == InterviewFormat.IN_PERSON ? location : null,
                format == InterviewFormat.VIDEO ? video : null, start, slots, panel);
    }

    private Instant future(Instant at, String field) {
        if (at == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        if (!minute.isAfter(clock.instant())) {
            throw new InvalidInputException(field, "validation.interview.past");
        }
        return minute;
    }

    private static String text(String value, int max, String field, boolean required, List<FieldProblem> problems) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text == null && required) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else if (text != null && text.length() > max) {
            problems.add(new FieldProblem(field, "validation.tooLong", max));
        }
        return text;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name, String field, E fallback,
            List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        E value = EnumNames.parse(type, name.strip());
        if (value == null) {
            problems.add(new FieldProblem(field, "validation.oneOf", String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        }
        return Objects.requireNonNullElse(value, fallback);
    }
}
