package io.hireflow.interviews.travel;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.interviews.Interview;
import io.hireflow.interviews.InterviewFormat;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.OrganizationId;

/** Each organization's travel policy: read (the defaults until an admin saves one) and changed by admins. */
@Service
public class TravelPolicies {

    static final int MAX_REGIONS = 20;
    static final int MAX_REGION = 20;
    static final int MIN_CAP = 1_000;
    static final int MAX_CAP = 2_000_000;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    TravelPolicies(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** The policy as written: every field required. */
    public record Draft(Boolean enabled, List<String> metroRegions, List<String> modes, Integer capPerTripKrw,
            Boolean receiptsRequired, Long version) {
    }

    @Transactional(readOnly = true)
    public TravelPolicy policy(OrganizationId organization) {
        return jdbc.sql("select * from travel_policy where organization_id = ?").param(organization.value())
                .query(TravelPolicies::row).optional().orElse(TravelPolicy.DEFAULT);
    }

    /**
     * Saves the organization's policy. Every problem is named at once (400): no mode, an unknown mode, a cap outside
     * 1,000 to 2,000,000 KRW, a region too long or too many; a version other than the one stored is refused (409).
     */
    @Transactional
    public TravelPolicy update(Actor actor, Draft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> regions = new LinkedHashSet<>();
        List<String> given = draft.metroRegions() == null ? List.of() : draft.metroRegions();
        for (int i = 0; i < given.size(); i++) {
            String region = given.get(i) == null ? "" : given.get(i).strip();
            if (region.length() > MAX_REGION) {
                problems.add(new FieldProblem("metroRegions[" + i + "]", "validation.tooLong", MAX_REGION));
            } else if (!region.isEmpty()) {
                regions.add(region);
            }
        }
        if (regions.size() > MAX_REGIONS) {
            problems.add(new FieldProblem("metroRegions", "validation.travel.tooManyRegions", MAX_REGIONS));
        }
        Set<TravelMode> modes = new LinkedHashSet<>();
        List<String> named = draft.modes() == null ? List.of() : draft.modes();
        for (int i = 0; i < named.size(); i++) {
            TravelMode mode = EnumNames.parse(TravelMode.class, named.get(i));
            if (mode == null) {
                problems.add(new FieldProblem("modes[" + i + "]", "validation.oneOf", modeNames()));
            } else {
                modes.add(mode);
            }
        }
        if (named.isEmpty()) {
            problems.add(new FieldProblem("modes", "validation.travel.noModes", modeNames()));
        }
        if (draft.capPerTripKrw() == null) {
            problems.add(new FieldProblem("capPerTripKrw", "validation.required"));
        } else if (draft.capPerTripKrw() < MIN_CAP || draft.capPerTripKrw() > MAX_CAP) {
            problems.add(new FieldProblem("capPerTripKrw", "validation.travel.cap", MIN_CAP, MAX_CAP));
        }
        if (draft.enabled() == null) {
            problems.add(new FieldProblem("enabled", "validation.required"));
        }
        if (draft.receiptsRequired() == null) {
            problems.add(new FieldProblem("receiptsRequired", "validation.required"));
        }
        if (draft.version() == null) {
            problems.add(new FieldProblem("version", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OrganizationId organization = actor.organizationId();
        TravelPolicy current = policy(organization);
        if (current.version() != draft.version()) {
            throw new ConflictException("error.stale");
        }
        int changed = jdbc.sql("""
                insert into travel_policy (organization_id, enabled, metro_regions, modes, cap_per_trip_krw,
                                           receipts_required, updated_at, updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, 1)
                on conflict (organization_id) do update
                set enabled = excluded.enabled, metro_regions = excluded.metro_regions, modes = excluded.modes,
                    cap_per_trip_krw = excluded.cap_per_trip_krw, receipts_required = excluded.receipts_required,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    version = travel_policy.version + 1
                where travel_policy.version = ?""")
                .params(organization.value(), draft.enabled(), regions.toArray(String[]::new),
                        modes.stream().map(Enum::name).toArray(String[]::new), draft.capPerTripKrw(),
                        draft.receiptsRequired(), Timestamp.from(clock.instant()), actor.userId(), draft.version())
                .update();
        if (changed == 0) {
            throw new ConflictException("error.stale");
        }
        return policy(organization);
    }

    /**
     * The line an in-person interview's invite carries about travel support, in the candidate's language: that it is
     * supported and how, when the candidate is eligible; empty otherwise (and for video or phone interviews).
     */
    @Transactional(readOnly = true)
    public String inviteLine(OrganizationId organization, Interview interview, String language) {
        if (interview.format() != InterviewFormat.IN_PERSON) {
            return "";
        }
        TravelPolicy policy = policy(organization);
        if (!policy.enabled()) {
            return "";
        }
        String region = jdbc.sql("""
                select c.region from job_application a join candidate c on c.id = a.candidate_id
                where a.id = ? and a.organization_id = ?""")
                .params(interview.applicationId(), organization.value()).query(String.class).optional().orElse(null);
        if (!policy.eligible(region)) {
            return "";
        }
        Locale locale = Locale.forLanguageTag(language);
        return messages.getMessage("travel.invite.line", new Object[] {modes(policy, locale),
                String.format(Locale.ROOT, "%,d", policy.capPerTripKrw())}, locale);
    }

    /** The policy's modes in words, in the reader's language (KTX/SRT train, intercity bus). */
    public String modes(TravelPolicy policy, Locale locale) {
        return String.join(", ", policy.modes().stream()
                .map(mode -> messages.getMessage("travel.mode." + mode.name(), null, locale)).toList());
    }

    static String modeNames() {
        return String.join(", ", Arrays.stream(TravelMode.values()).map(Enum::name).toList());
    }

    private static TravelPolicy row(ResultSet rs, int row) throws SQLException {
        return new TravelPolicy(rs.getBoolean("enabled"), strings(rs.getArray("metro_regions")),
                strings(rs.getArray("modes")).stream().map(TravelMode::valueOf).toList(),
                rs.getInt("cap_per_trip_krw"), rs.getBoolean("receipts_required"), rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

}
