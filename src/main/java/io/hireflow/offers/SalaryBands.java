package io.hireflow.offers;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.StaffUserView;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;

/**
 * Each job's salary bands (yearly base salary in KRW per level) and the organization's offer approvers: who says yes
 * to a version outside the band (none chosen: the organization's admins). Approvers are staff who may see
 * compensation (admins, recruiters, hiring managers).
 */
@Service
public class SalaryBands {

    static final int MAX_LEVEL = 40;
    /** Above this a yearly base salary is a typing slip (5 billion KRW). */
    static final long MAX_SALARY = 5_000_000_000L;
    /** Below this a yearly base salary is a typing slip (1 million KRW). */
    static final long MIN_SALARY = 1_000_000L;

    private final JdbcClient jdbc;
    private final JobManagement jobs;
    private final IdentityManagement identity;
    private final Clock clock;

    SalaryBands(JdbcClient jdbc, JobManagement jobs, IdentityManagement identity, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.identity = identity;
        this.clock = clock;
    }

    /** One band: the level and its yearly base salary range in KRW. */
    public record Band(String level, long minKrw, long maxKrw) {

        public boolean holds(long salary) {
            return salary >= minKrw && salary <= maxKrw;
        }
    }

    /** The job's bands by level. */
    @Transactional(readOnly = true)
    public List<Band> bands(OrganizationId organization, JobId job) {
        jobs.job(organization, job);
        return jdbc.sql("select level, min_krw, max_krw from salary_band where job_id = ? order by min_krw, level")
                .param(job.value()).query((rs, n) -> new Band(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    Optional<Band> band(UUID job, String level) {
        return jdbc.sql("select level, min_krw, max_krw from salary_band where job_id = ? and level = ?")
                .params(job, level).query((rs, n) -> new Band(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .optional();
    }

    /**
     * Sets the band of one level of a job (adding or replacing it). 400 names each problem: a level blank or over 40
     * characters, a minimum or maximum missing, negative, absurd or the wrong way round.
     */
    @Transactional
    public Band set(Actor actor, JobId job, String level, Long minKrw, Long maxKrw) {
        jobs.job(actor.organizationId(), job);
        List<FieldProblem> problems = new ArrayList<>();
        String name = level == null ? "" : level.strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("level", "validation.required"));
        } else if (name.length() > MAX_LEVEL || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("level", "validation.tooLong", MAX_LEVEL));
        }
        salary(minKrw, "minKrw", problems);
        salary(maxKrw, "maxKrw", problems);
        if (problems.isEmpty() && maxKrw < minKrw) {
            problems.add(new FieldProblem("maxKrw", "validation.offer.bandOrder"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                insert into salary_band (job_id, level, organization_id, min_krw, max_krw, updated_at, updated_by_name)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (job_id, level) do update set min_krw = excluded.min_krw, max_krw = excluded.max_krw,
                    updated_at = excluded.updated_at, updated_by_name = excluded.updated_by_name""")
                .params(job.value(), name, actor.organizationId().value(), minKrw, maxKrw,
                        Timestamp.from(clock.instant()), actor.name())
                .update();
        return new Band(name, minKrw, maxKrw);
    }

    /** Removes the band of one level; offers made against it keep their approval as it was decided. */
    @Transactional
    public void remove(Actor actor, JobId job, String level) {
        jobs.job(actor.organizationId(), job);
        jdbc.sql("delete from salary_band where job_id = ? and level = ?").params(job.value(), level).update();
    }

    static void salary(Long value, String field, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else if (value < MIN_SALARY || value > MAX_SALARY) {
            problems.add(new FieldProblem(field, "validation.offer.salary", krw(MIN_SALARY), krw(MAX_SALARY)));
        }
    }

    static String krw(long amount) {
        return String.format(Locale.ROOT, "%,d", amount);
    }

    // --- approvers ---------------------------------------------------------------------------------------------------

    /** The organization's chosen approvers (empty: its admins approve). */
    @Transactional(readOnly = true)
    public List<StaffUserView> approvers(OrganizationId organization) {
        return identity.users(organization, chosen(organization));
    }

    private List<UUID> chosen(OrganizationId organization) {
        return jdbc.sql("select user_id from offer_approver where organization_id = ?")
                .param(organization.value()).query(UUID.class).list();
    }

    /**
     * Sets who approves offers. Each must be an enabled member of staff who may see compensation (admin, recruiter
     * or hiring manager); 400 names the others. An empty list leaves it to the admins.
     */
    @Transactional
    public List<StaffUserView> setApprovers(Actor admin, List<UUID> userIds) {
        OrganizationId organization = admin.organizationId();
        List<UUID> wanted = userIds == null ? List.of() : userIds.stream().distinct().toList();
        List<StaffUserView> users = identity.users(organization, wanted);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            UUID id = wanted.get(i);
            Optional<StaffUserView> user = users.stream().filter(u -> u.id().equals(id)).findFirst();
            if (user.isEmpty() || !user.get().enabled() || !mayDecide(user.get().roles())) {
                problems.add(new FieldProblem("userIds[" + i + "]", "validation.offer.approver"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("delete from offer_approver where organization_id = ?").param(organization.value()).update();
        for (UUID id : wanted) {
            jdbc.sql("insert into offer_approver (organization_id, user_id) values (?, ?)")
                    .params(organization.value(), id).update();
        }
        return approvers(organization);
    }

    /** Whether the user approves the organization's offers: a chosen approver, or an admin when none is chosen. */
    boolean approves(Actor actor) {
        List<UUID> chosen = chosen(actor.organizationId());
        return chosen.isEmpty() ? actor.roles().contains(Role.ADMIN) : chosen.contains(actor.userId());
    }

    /** Who to ask: the chosen approvers who are enabled, or the admins. */
    List<UUID> approverIds(OrganizationId organization) {
        List<StaffUserView> chosen = approvers(organization);
        return chosen.isEmpty() ? admins(organization)
                : chosen.stream().filter(StaffUserView::enabled).map(StaffUserView::id).toList();
    }

    /** The organization's enabled admins: who answers for offers when nobody else is named. */
    List<UUID> admins(OrganizationId organization) {
        return identity.users(organization).stream()
                .filter(user -> user.enabled() && user.roles().contains(Role.ADMIN)).map(StaffUserView::id).toList();
    }

    static boolean mayDecide(Set<Role> roles) {
        return roles.contains(Role.ADMIN) || roles.contains(Role.RECRUITER) || roles.contains(Role.HIRING_MANAGER);
    }
}
