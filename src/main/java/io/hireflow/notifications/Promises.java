package io.hireflow.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.candidates.CandidateId;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.OrganizationView;
import io.hireflow.identity.StaffUserView;
import io.hireflow.jobs.HiringTeamMember;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.StageId;
import io.hireflow.jobs.TeamRole;
import io.hireflow.shared.Languages;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;

/**
 * Every open promise to a candidate with its time, and what happens when one is missed. A decision is due by its
 * stage's deadline; a scheduled message at its minute; an announcement at its minute. A promise is missed when its
 * time passed without it being kept (a message or announcement gets a minute's grace). The watch notices each miss
 * once, whichever node runs it: it alerts the job's recruiters by email (and the dashboard shows it), and, if the
 * organization enabled it, tells a candidate whose decision is late of the delay with a new expected date.
 */
@Service
public class Promises {

    private static final Logger log = LoggerFactory.getLogger(Promises.class);
    static final int LIMIT = 500;
    static final Duration GRACE = Duration.ofMinutes(1);
    /** How far back the quick look reaches: misses older than this are left to the full look. */
    static final Duration RECENT = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MessageTemplates templates;
    private final MessageContext context;
    private final IdentityManagement identity;
    private final JobManagement jobs;
    private final AccessLog accessLog;
    private final Clock clock;

    Promises(JdbcClient jdbc, Outbox outbox, MessageTemplates templates, MessageContext context,
            IdentityManagement identity, JobManagement jobs, AccessLog accessLog, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.templates = templates;
        this.context = context;
        this.identity = identity;
        this.jobs = jobs;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Which promises: of one job, and/or of the jobs where a user is a recruiter; both optional. */
    public record PromiseFilter(UUID jobId, UUID recruiterId) {
    }

    /**
     * The open promises due before {@code until} (overdue ones first, then by time), at most {@value #LIMIT}. The
     * candidates named are recorded in the access log.
     */
    @Transactional
    public List<Promise> due(Actor actor, PromiseFilter filter, Instant until) {
        return logged(actor, query(actor.organizationId(), filter, until, clock.instant(), false));
    }

    /** The promises already missed. */
    @Transactional
    public List<Promise> overdue(Actor actor, PromiseFilter filter) {
        Instant now = clock.instant();
        return logged(actor, query(actor.organizationId(), filter, now, now, true));
    }

    private List<Promise> logged(Actor actor, List<Promise> promises) {
        List<UUID> applications = promises.stream().map(Promise::applicationId).filter(id -> id != null)
                .distinct().toList();
        if (!applications.isEmpty()) {
            accessLog.applications(actor, AccessLog.Action.VIEW_PROMISES, "promises", applications);
        }
        return promises;
    }

    /** The organization's settings for late decisions: how many days on a delay notice promises; null is off. */
    @Transactional(readOnly = true)
    public Optional<Integer> delayNoticeDays(OrganizationId organization) {
        return jdbc.sql("select delay_notice_days from notification_settings where organization_id = ?")
                .param(organization.value()).query((rs, row) -> (Integer) rs.getObject(1)).optional()
                .filter(days -> days != null);
    }

    /** Turns the automatic delay notice on (with the days it promises) or off ({@code null}). */
    @Transactional
    public Optional<Integer> setDelayNoticeDays(Actor admin, Integer days) {
        if (days != null && (days < 1 || days > 60)) {
            throw new InvalidInputException("delayNoticeDays", "validation.promise.days");
        }
        jdbc.sql("""
                insert into notification_settings (organization_id, delay_notice_days, updated_at, updated_by)
                values (?, ?, ?, ?)
                on conflict (organization_id) do update set delay_notice_days = excluded.delay_notice_days,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(admin.organizationId().value(), days, Timestamp.from(clock.instant()), admin.userId())
                .update();
        return Optional.ofNullable(days);
    }

    /**
     * Notices the promises missed since the last look, across organizations, and acts on each once: the full look,
     * decisions included. Answers how many it noticed.
     */
    @Transactional
    public int watch() {
        return watch(null);
    }

    /** Like {@link #watch()}, for one organization ({@code null}: all). */
    @Transactional
    public int watch(OrganizationId only) {
        return watch(only, true, Instant.EPOCH);
    }

    /**
     * The quick look, for the promises whose time is a minute: the scheduled messages (an assignment's release) and
     * announcements whose minute's grace ended in the last {@link #RECENT}. It reads only the outbox's few messages
     * not yet gone (by their own index) and the announcements, so it is cheap enough to run every few seconds; older
     * misses, and decisions, are the full look's.
     */
    @Transactional
    public int watchMessages() {
        return watchMessages(null);
    }

    /** Like {@link #watchMessages()}, for one organization ({@code null}: all). */
    @Transactional
    public int watchMessages(OrganizationId only) {
        return watch(only, false, clock.instant().minus(RECENT));
    }

    private int watch(OrganizationId only, boolean decisions, Instant since) {
        int noticed = 0;
        Instant now = clock.instant();
        for (Missed found : query(only, new PromiseFilter(null, null), now, now, true, decisions, since, true,
                Promises::missed)) {
            Promise missed = found.promise();
            OrganizationId organization = found.organization();
            boolean first = jdbc.sql("""
                    insert into missed_promise (key, organization_id, kind, job_id, application_id, message_id,
                        announcement_id, due_at, noticed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (key) do nothing""")
                    .params(missed.key(), organization.value(), missed.kind().name(), missed.jobId(),
                            missed.applicationId(), missed.messageId(), missed.announcementId(),
                            Timestamp.from(missed.dueAt()), Timestamp.from(clock.instant()))
                    .update() == 1;
            if (!first) {
                continue;
            }
            noticed++;
            alertRecruiters(organization, missed);
            if (missed.kind() == Promise.Kind.DECISION) {
                delayNoticeDays(organization).ifPresent(days -> tellOfDelay(organization, found, days));
            }
        }
        if (noticed > 0) {
            log.info("{} missed promises to candidates noticed", noticed);
        }
        return noticed;
    }

    private void alertRecruiters(OrganizationId organization, Promise missed) {
        OrganizationView org = identity.organization(organization);
        String language = Languages.of(org.defaultLocale());
        Set<UUID> recipients = new LinkedHashSet<>();
        if (missed.jobId() != null) {
            jobs.job(organization, new JobId(missed.jobId())).team(TeamRole.RECRUITER).stream()
                    .map(HiringTeamMember::userId).forEach(recipients::add);
        }
        List<StaffUserView> staff = identity.users(organization);
        if (recipients.isEmpty()) {
            // a job without recruiters on its team: the organization's admins answer for it
            staff.stream().filter(user -> user.roles().contains(Role.ADMIN)).map(StaffUserView::id)
                    .forEach(recipients::add);
        }
        Map<String, String> values = new HashMap<>();
        values.put("jobTitle", missed.jobTitle() == null ? "" : missed.jobTitle());
        values.put("organizationName", org.name());
        values.put("candidateName", missed.candidateName() == null ? "" : missed.candidateName());
        values.put("stageName", missed.stageName() == null ? "" : missed.stageName());
        values.put("promise", describe(missed, language));
        values.put("dueAt", DateTimeFormatter.ofPattern("ko".equals(language) ? "yyyy년 M월 d일 HH:mm"
                : "d MMMM yyyy, HH:mm", Locale.forLanguageTag(language)).format(missed.dueAt().atZone(
                        org.timeZone())));
        TemplateText.Rendered content = templates.text(organization, MessageEvent.PROMISE_MISSED, language)
                .render(values);
        for (StaffUserView user : staff) {
            if (!recipients.contains(user.id()) || !user.enabled()) {
                continue;
            }
            outbox.write(new Outbox.Envelope(organization, missed.applicationId(), null, missed.stageId(),
                    MessageEvent.PROMISE_MISSED, language, user.email(), user.displayName(), content,
                    "missed/" + missed.key() + "/" + user.id(), null, null, null), clock.instant());
        }
    }

    /** A late decision's candidate is told of the delay, with a new date {@code days} on. */
    private void tellOfDelay(OrganizationId organization, Missed found, int days) {
        Promise missed = found.promise();
        StageId stage = new StageId(missed.stageId());
        var values = context.forApplication(organization, new JobId(missed.jobId()), found.candidate(), stage, null,
                stage, found.since());
        Map<String, String> filled = new HashMap<>(values.values());
        filled.put("newExpectedDate", MessageContext.date(clock.instant().plus(Duration.ofDays(days)), values.zone(),
                values.language()));
        OutboundMessage notice = outbox.enqueue(new Outbox.Envelope(organization, missed.applicationId(),
                found.candidate().value(), stage.value(), MessageEvent.DELAY_NOTICE, values.language(),
                values.recipient(), values.recipientName(), templates.text(organization, MessageEvent.DELAY_NOTICE,
                        values.language()).render(filled), "delay/" + missed.key(), null, null, null),
                clock.instant());
        jdbc.sql("update missed_promise set delay_notice_id = ? where key = ?").params(notice.id(), missed.key())
                .update();
    }

    private static String describe(Promise promise, String language) {
        boolean ko = "ko".equals(language);
        return switch (promise.kind()) {
            case DECISION -> ko ? promise.stageName() + " 결과 결정" : "a decision on " + promise.stageName();
            case MESSAGE -> ko ? "예약된 안내 메일 발송" : "a scheduled message";
            case ANNOUNCEMENT -> ko ? promise.stageName() + " 결과 발표 (" + promise.count() + "명)"
                    : "the results of " + promise.stageName() + " (" + promise.count() + " candidates)";
        };
    }


    /** All open promises due before {@code until}; with {@code missedOnly}, those past their time (and grace). */
    private List<Promise> query(OrganizationId organization, PromiseFilter filter, Instant until, Instant now,
            boolean missedOnly) {
        return query(organization, filter, until, now, missedOnly, true, Instant.EPOCH, false, Promises::row);
    }

    /** A missed promise with what acting on it needs: its organization, and for a decision the candidate and since. */
    private record Missed(Promise promise, OrganizationId organization, CandidateId candidate, Instant since) {
    }

    private static Missed missed(ResultSet rs, int row) throws SQLException {
        UUID candidate = rs.getObject("candidate_id", UUID.class);
        Timestamp since = rs.getTimestamp("since");
        return new Missed(row(rs, row), new OrganizationId(rs.getObject("organization_id", UUID.class)),
                candidate == null ? null : new CandidateId(candidate), since == null ? null : since.toInstant());
    }

    // the promises, one kind a branch of the statement; the watch's quick look leaves the decisions out
    private static final String DECISIONS = """
            select 'DECISION' as kind, a.organization_id, a.job_id, j.title as job_title,
                   a.id as application_id, a.candidate_name, a.stage_id, s.name as stage_name,
                   null::uuid as message_id, null::uuid as announcement_id, 1 as count,
                   a.stage_entered_at + make_interval(days => s.deadline_days) as due_at,
                   'decision/' || a.id || '/' || a.stage_id || '/'
                       || (extract(epoch from a.stage_entered_at) * 1000)::bigint as key,
                   interval '0' as grace, a.candidate_id, a.stage_entered_at as since
            from job_application a join job_stage s on s.id = a.stage_id join job j on j.id = a.job_id
            where a.status = 'ACTIVE' and s.deadline_days is not null and j.status <> 'CLOSED'
              and (cast(:org as uuid) is null or a.organization_id = :org)
            union all
            """;
    // a message is found through the outbox's index of the messages not yet gone (and the dead ones), by its time
    private static final String MESSAGES_AND_ANNOUNCEMENTS = """
            select 'MESSAGE' as kind, m.organization_id, a.job_id, j.title as job_title, m.application_id,
                   m.recipient_name as candidate_name, m.stage_id, s.name as stage_name, m.id as message_id,
                   null::uuid as announcement_id, 1 as count, m.send_at as due_at, 'message/' || m.id as key,
                   interval '1 minute' as grace, null::uuid as candidate_id, null::timestamptz as since
            from outbound_message m
            left join job_application a on a.id = m.application_id
            left join job j on j.id = a.job_id
            left join job_stage s on s.id = m.stage_id
            where m.announcement_id is null and m.status in ('QUEUED', 'DEFERRED', 'SENDING', 'DEAD')
              and m.send_at >= :since and m.send_at < :until
              and m.event <> all(:staffEvents) and m.organization_id is not null
              and (m.send_at > m.created_at + interval '1 minute'
                   or m.send_at < cast(:now as timestamptz) - interval '1 minute' or m.status = 'DEAD')
              and (cast(:org as uuid) is null or m.organization_id = :org)
            union all
            select 'ANNOUNCEMENT', an.organization_id, an.job_id, j.title, null, null, an.stage_id, s.name,
                   null, an.id, an.total, an.send_at, 'announcement/' || an.id, interval '1 minute', null, null
            from announcement an join job j on j.id = an.job_id
            left join job_stage s on s.id = an.stage_id
            where an.send_at >= :since and an.send_at < :until
              and exists (select 1 from outbound_message m where m.announcement_id = an.id
                          and m.status in ('QUEUED', 'DEFERRED', 'SENDING', 'DEAD'))
              and (cast(:org as uuid) is null or an.organization_id = :org)
            """;

    /**
     * The promises due from {@code since} to {@code until} (decisions only with {@code decisions}); with
     * {@code missedOnly} those past their time and grace. For the watch ({@code watching}) only those not noticed
     * yet, so that the ones noticed long ago never crowd a new one out of the first {@value #LIMIT}. Each use has a
     * statement of its own (lists, full look, quick look), so that each keeps a plan of its own.
     */
    private <T> List<T> query(OrganizationId organization, PromiseFilter filter, Instant until, Instant now,
            boolean missedOnly, boolean decisions, Instant since, boolean watching, RowMapper<T> mapper) {
        String sql = "with promise as (" + (decisions ? DECISIONS : "") + MESSAGES_AND_ANNOUNCEMENTS + ")\n"
                + "select p.*, p.due_at + p.grace < :now as overdue, "
                + (watching ? "false as noticed\n"
                        : "exists (select 1 from missed_promise x where x.key = p.key) as noticed\n")
                + """
                from promise p
                where p.due_at < :until
                  and (not :missedOnly or p.due_at + p.grace < :now)
                  and (cast(:job as uuid) is null or p.job_id = :job)
                  and (cast(:recruiter as uuid) is null or exists (select 1 from job_member jm
                       where jm.job_id = p.job_id and jm.user_id = :recruiter and jm.role = 'RECRUITER'))
                """
                + (watching ? "  and not exists (select 1 from missed_promise x where x.key = p.key)\n" : "")
                + "order by overdue desc, p.due_at limit :limit";
        return jdbc.sql(sql)
                .param("org", organization == null ? null : organization.value())
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .param("since", Timestamp.from(since)).param("missedOnly", missedOnly)
                .param("job", filter.jobId()).param("recruiter", filter.recruiterId())
                .param("limit", LIMIT).param("staffEvents", MessageEvent.staffEvents())
                .query(mapper).list();
    }

    private static Promise row(ResultSet rs, int row) throws SQLException {
        return new Promise(rs.getString("key"), Promise.Kind.valueOf(rs.getString("kind")),
                rs.getObject("job_id", UUID.class), rs.getString("job_title"),
                rs.getObject("application_id", UUID.class), rs.getString("candidate_name"),
                rs.getObject("stage_id", UUID.class), rs.getString("stage_name"),
                rs.getObject("message_id", UUID.class), rs.getObject("announcement_id", UUID.class),
                rs.getInt("count"), rs.getTimestamp("due_at").toInstant(), rs.getBoolean("overdue"),
                rs.getBoolean("noticed"));
    }

    /** The end of today in the zone: what "due today" reaches to. */
    static Instant endOfToday(Clock clock, ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }
}
