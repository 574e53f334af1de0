package io.hireflow.interviews.travel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.candidates.CandidateDocument;
import io.hireflow.candidates.CandidateDocuments;
import io.hireflow.candidates.DocumentKind;
import io.hireflow.candidates.DocumentType;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.interviews.Interview;
import io.hireflow.interviews.InterviewFormat;
import io.hireflow.interviews.InterviewStatus;
import io.hireflow.interviews.Interviews;
import io.hireflow.notifications.MessageEvent;
import io.hireflow.notifications.NotificationManagement;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * Travel claims. An eligible candidate claims once per in-person interview, in the portal: trips, PDF receipts (as
 * the policy requires) and the bank details the payment needs. Staff who recruit approve (a claim with a trip over
 * the cap only with an explicit override and a note) or reject it with a reason, then mark it paid with the date, which
 * deletes the bank details. The candidate is emailed at each step, in the transaction of the step.
 */
@Service
public class TravelClaims {

    public static final int MAX_TRIPS = 6;
    public static final int MAX_RECEIPTS = 6;
    /** No single trip in Korea costs more: anything above is a typing slip, whatever the cap. */
    public static final int MAX_AMOUNT = 1_000_000;
    static final int MAX_PLACE = 100;
    static final int MAX_REASON = 500;
    /** How many days before the interview's day a trip may be dated. */
    static final int DAYS_BEFORE = 7;
    /** How many days after the interview's day a trip may be dated (the way home next morning). */
    static final int DAYS_AFTER = 1;

    private final JdbcClient jdbc;
    private final Interviews interviews;
    private final TravelPolicies policies;
    private final CandidateDocuments documents;
    private final PipelineManagement pipeline;
    private final IdentityManagement identity;
    private final NotificationManagement notifications;
    private final AccessLog accessLog;
    private final DataKey dataKey;
    private final Clock clock;

    TravelClaims(JdbcClient jdbc, Interviews interviews, TravelPolicies policies, CandidateDocuments documents,
            PipelineManagement pipeline, IdentityManagement identity, NotificationManagement notifications,
            AccessLog accessLog, DataKey dataKey, Clock clock) {
        this.jdbc = jdbc;
        this.interviews = interviews;
        this.policies = policies;
        this.documents = documents;
        this.pipeline = pipeline;
        this.identity = identity;
        this.notifications = notifications;
        this.accessLog = accessLog;
        this.dataKey = dataKey;
        this.clock = clock;
    }

    /** A trip as typed in the form: every part still text. */
    public record TripDraft(String date, String from, String to, String mode, String amountKrw) {

        boolean blank() {
            return isBlank(date) && isBlank(from) && isBlank(to) && isBlank(amountKrw);
        }
    }

    /** The bank details as typed. Never printed whole: {@link #toString()} hides them. */
    public record BankDraft(String accountHolder, String bankName, String accountNumber) {

        @Override
        public String toString() {
            return "BankDraft[hidden]";
        }
    }

    /** A file as it came in the form: the browser's name for it and its bytes, not yet checked. */
    public record Upload(String originalName, byte[] bytes) {
    }

    /** What the portal shows about travel for one in-person interview: eligibility, the policy, the claim if any. */
    public record CandidateTravel(UUID interviewId, boolean eligible, TravelPolicy policy, String modes,
            TravelClaim claim) {
    }

    /** A decision on a claim: APPROVE or REJECT; a reason to reject; an override with its note for one over cap. */
    public record Decision(String decision, String reason, Boolean override, String overrideNote, Long version) {
    }

    // --- the candidate's side ----------------------------------------------------------------------------------------

    /**
     * For each in-person interview of the person's applications that is scheduled (or has a claim), whether travel is
     * supported for them, and their claim; keyed by the interview.
     */
    @Transactional(readOnly = true)
    public Map<UUID, CandidateTravel> forCandidate(String email, Locale locale) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select i.id, i.organization_id, c.region from interview i
                join job_application a on a.id = i.application_id
                join candidate c on c.id = a.candidate_id
                where lower(c.email) = lower(?) and i.format = 'IN_PERSON'
                  and (i.status = 'SCHEDULED' or exists (select 1 from travel_claim t where t.interview_id = i.id))""")
                .param(email.strip()).query().listOfRows();
        Map<UUID, CandidateTravel> travel = new LinkedHashMap<>();
        Map<UUID, TravelPolicy> policyOf = new HashMap<>();
        for (Map<String, Object> row : rows) {
            UUID interview = (UUID) row.get("id");
            OrganizationId organization = new OrganizationId((UUID) row.get("organization_id"));
            TravelPolicy policy = policyOf.computeIfAbsent(organization.value(), o -> policies.policy(organization));
            TravelClaim claim = claimOfInterview(organization, interview).orElse(null);
            travel.put(interview, new CandidateTravel(interview, policy.eligible((String) row.get("region")), policy,
                    policies.modes(policy, locale), claim));
        }
        return travel;
    }

    /**
     * The candidate claims travel for one of their interviews (found through their email: another person's is not
     * found). Refused (409) unless the interview is in person, scheduled, the candidate is eligible and has not claimed
     * for it yet; every problem of the claim is named at once (400) and nothing is stored.
     */
    @Transactional
    public TravelClaim submit(String email, UUID interviewId, List<TripDraft> trips, List<Upload> receipts,
            BankDraft bank) {
        OrganizationId organization = interviews.organizationOf(email, interviewId);
        Interview interview = interviews.interview(organization, interviewId);
        TravelPolicy policy = policies.policy(organization);
        ZoneId zone = identity.organization(organization).timeZone();
        if (interview.format() != InterviewFormat.IN_PERSON) {
            throw new ConflictException("error.travel.notInPerson");
        }
        if (interview.status() != InterviewStatus.SCHEDULED) {
            throw new ConflictException("error.travel.notScheduled");
        }
        String region = jdbc.sql("""
                select c.region from job_application a join candidate c on c.id = a.candidate_id where a.id = ?""")
                .param(interview.applicationId()).query(String.class).optional().orElse(null);
        if (!policy.eligible(region)) {
            throw new ConflictException("error.travel.notEligible");
        }
        // one claim per interview; the row lock on the interview keeps two submissions from crossing
        jdbc.sql("select id from interview where id = ? for update").param(interviewId).query(UUID.class).single();
        if (claimOfInterview(organization, interviewId).isPresent()) {
            throw new ConflictException("error.travel.claimed");
        }

        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = interview.startsAt().atZone(zone).toLocalDate();
        List<TravelClaim.Trip> checkedTrips = checkTrips(trips, policy, day, problems);
        List<Upload> files = receipts == null ? List.of() : receipts.stream()
                .filter(file -> file != null && file.bytes() != null
                        && (file.bytes().length > 0 || !isBlank(file.originalName())))
                .toList();
        List<CandidateDocuments.Checked> checkedFiles = new ArrayList<>();
        if (files.isEmpty() && policy.receiptsRequired()) {
            problems.add(new FieldProblem("receipts", "validation.travel.receipts"));
        } else if (files.size() > MAX_RECEIPTS) {
            problems.add(new FieldProblem("receipts", "validation.file.tooMany", MAX_RECEIPTS));
        } else {
            for (int i = 0; i < files.size(); i++) {
                try {
                    CandidateDocuments.Checked file = CandidateDocuments.check("receipts[" + i + "]", files.get(i)
                            .bytes());
                    if (file.type() != DocumentType.PDF) {
                        problems.add(new FieldProblem("receipts[" + i + "]", "validation.travel.receiptPdf"));
                    } else {
                        checkedFiles.add(file);
                    }
                } catch (InvalidInputException refusal) {
                    problems.addAll(refusal.problems());
                }
            }
        }
        String holder = text(bank == null ? null : bank.accountHolder(), 60, "accountHolder", problems);
        String bankName = text(bank == null ? null : bank.bankName(), 40, "bankName", problems);
        String account = bank == null || bank.accountNumber() == null ? ""
                : bank.accountNumber().replaceAll("[\\s-]", "");
        if (account.isEmpty()) {
            problems.add(new FieldProblem("accountNumber", "validation.required"));
        } else if (!account.matches("\\d{8,20}")) {
            problems.add(new FieldProblem("accountNumber", "validation.travel.account"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        ApplicationView application = pipeline.application(organization,
                new JobApplicationId(interview.applicationId()));
        UUID id = Ids.newId();
        long total = checkedTrips.stream().mapToLong(TravelClaim.Trip::amountKrw).sum();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into travel_claim (id, organization_id, interview_id, application_id, candidate_id, status,
                                          total_krw, cap_per_trip_krw, bank_details, account_last4, submitted_at)
                values (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?)""")
                .params(id, organization.value(), interviewId, interview.applicationId(),
                        application.candidateId().value(), total, policy.capPerTripKrw(),
                        dataKey.encrypt(holder + "\n" + bankName + "\n" + account, id),
                        account.substring(account.length() - 4), Timestamp.from(now))
                .update();
        for (int i = 0; i < checkedTrips.size(); i++) {
            TravelClaim.Trip trip = checkedTrips.get(i);
            jdbc.sql("""
                    insert into travel_trip (claim_id, position, travel_date, from_place, to_place, mode, amount_krw)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i, trip.date(), trip.from(), trip.to(), trip.mode().name(), trip.amountKrw())
                    .update();
        }
        for (int i = 0; i < checkedFiles.size(); i++) {
            CandidateDocument document = documents.store(organization, application.candidateId(),
                    interview.applicationId(), DocumentKind.RECEIPT, files.get(i).originalName(), checkedFiles.get(i));
            jdbc.sql("insert into travel_receipt (claim_id, document_id, position) values (?, ?, ?)")
                    .params(id, document.id(), i).update();
        }
        TravelClaim claim = load(organization, id);
        tell(portalActor(organization, application), application, claim, MessageEvent.TRAVEL_CLAIM_SUBMITTED,
                "submitted");
        return claim;
    }

    private List<TravelClaim.Trip> checkTrips(List<TripDraft> drafts, TravelPolicy policy, LocalDate day,
            List<FieldProblem> problems) {
        List<TripDraft> given = drafts == null ? List.of() : drafts.stream()
                .filter(trip -> trip != null && !trip.blank()).toList();
        List<TravelClaim.Trip> trips = new ArrayList<>();
        if (given.isEmpty()) {
            problems.add(new FieldProblem("trips", "validation.travel.noTrips"));
            return trips;
        }
        if (given.size() > MAX_TRIPS) {
            problems.add(new FieldProblem("trips", "validation.travel.tooManyTrips", MAX_TRIPS));
            return trips;
        }
        String allowed = String.join(", ", policy.modes().stream().map(Enum::name).toList());
        for (int i = 0; i < given.size(); i++) {
            TripDraft draft = given.get(i);
            String field = "trips[" + i + "]";
            LocalDate date = null;
            if (isBlank(draft.date())) {
                problems.add(new FieldProblem(field + ".date", "validation.required"));
            } else {
                try {
                    date = LocalDate.parse(draft.date().strip());
                    if (date.isAfter(day.plusDays(DAYS_AFTER))) {
                        problems.add(new FieldProblem(field + ".date", "validation.travel.afterInterview",
                                day.toString()));
                    } else if (date.isBefore(day.minusDays(DAYS_BEFORE))) {
                        problems.add(new FieldProblem(field + ".date", "validation.travel.tooEarly", DAYS_BEFORE,
                                day.toString()));
                    }
                } catch (DateTimeParseException notADate) {
                    problems.add(new FieldProblem(field + ".date", "validation.travel.date"));
                }
            }
            String from = text(draft.from(), MAX_PLACE, field + ".from", problems);
            String to = text(draft.to(), MAX_PLACE, field + ".to", problems);
            TravelMode mode = EnumNames.parse(TravelMode.class, draft.mode());
            if (isBlank(draft.mode())) {
                problems.add(new FieldProblem(field + ".mode", "validation.required"));
            } else if (mode == null || !policy.modes().contains(mode)) {
                problems.add(new FieldProblem(field + ".mode", "validation.travel.mode", allowed));
            }
            Integer amount = null;
            if (isBlank(draft.amountKrw())) {
                problems.add(new FieldProblem(field + ".amountKrw", "validation.required"));
            } else {
                try {
                    long value = Long.parseLong(draft.amountKrw().strip().replace(",", ""));
                    if (value < 1 || value > MAX_AMOUNT) {
                        problems.add(new FieldProblem(field + ".amountKrw", "validation.travel.amount",
                                String.format(Locale.ROOT, "%,d", MAX_AMOUNT)));
                    } else {
                        amount = (int) value;
                    }
                } catch (NumberFormatException notANumber) {
                    problems.add(new FieldProblem(field + ".amountKrw", "validation.travel.amount",
                            String.format(Locale.ROOT, "%,d", MAX_AMOUNT)));
                }
            }
            if (date != null && from != null && to != null && mode != null && amount != null) {
                trips.add(new TravelClaim.Trip(date, from, to, mode, amount, amount > policy.capPerTripKrw()));
            }
        }
        return trips;
    }

    // --- staff ---------------------------------------------------------------------------------------------------------

    /** The organization's claims, newest first, of one status or all; the look is recorded in the access log. */
    @Transactional
    public List<TravelClaim.Summary> list(Actor actor, ClaimStatus status) {
        List<TravelClaim.Summary> claims = jdbc.sql("""
                select t.id, t.application_id, a.candidate_name, i.title, i.starts_at, t.status, t.total_krw,
                       t.submitted_at,
                       exists (select 1 from travel_trip p where p.claim_id = t.id
                               and p.amount_krw > t.cap_per_trip_krw) as over_cap
                from travel_claim t
                join job_application a on a.id = t.application_id
                join interview i on i.id = t.interview_id
                where t.organization_id = ? and (cast(? as text) is null or t.status = ?)
                order by t.submitted_at desc, t.id desc limit 500""")
                .params(actor.organizationId().value(), status == null ? null : status.name(),
                        status == null ? null : status.name())
                .query((rs, n) -> new TravelClaim.Summary(rs.getObject("id", UUID.class),
                        rs.getObject("application_id", UUID.class), rs.getString("candidate_name"),
                        rs.getString("title"), instant(rs, "starts_at"), ClaimStatus.valueOf(rs.getString("status")),
                        rs.getLong("total_krw"), rs.getBoolean("over_cap"), instant(rs, "submitted_at")))
                .list();
        accessLog.applications(actor, AccessLog.Action.LIST_APPLICATIONS, "travel claims",
                claims.stream().map(TravelClaim.Summary::applicationId).distinct().toList());
        return claims;
    }

    /** One claim with its trips, receipts and the bank details as staff see them; recorded in the access log. */
    @Transactional
    public TravelClaim claim(Actor actor, UUID claimId) {
        TravelClaim claim = load(actor.organizationId(), claimId);
        accessLog.candidates(actor, AccessLog.Action.VIEW_CANDIDATE, "travel claim " + claimId,
                List.of(claim.candidateId()));
        return claim;
    }

    /**
     * Approves or rejects a submitted claim. A rejection needs its reason; a claim with a trip over the cap is approved
     * only with {@code override} and a note (409 otherwise, naming the trips); a claim decided already, or a stale
     * version, is refused (409). The candidate is told.
     */
    @Transactional
    public TravelClaim decide(Actor actor, UUID claimId, Decision decision) {
        List<FieldProblem> problems = new ArrayList<>();
        String verdict = decision.decision() == null ? "" : decision.decision().strip().toUpperCase(Locale.ROOT);
        if (!verdict.equals("APPROVE") && !verdict.equals("REJECT")) {
            problems.add(new FieldProblem("decision", "validation.oneOf", "APPROVE, REJECT"));
        }
        boolean override = Boolean.TRUE.equals(decision.override());
        String reason = null;
        String note = null;
        if (verdict.equals("REJECT")) {
            reason = text(decision.reason(), MAX_REASON, "reason", problems);
        } else if (verdict.equals("APPROVE") && override) {
            note = text(decision.overrideNote(), MAX_REASON, "overrideNote", problems);
        }
        if (decision.version() == null) {
            problems.add(new FieldProblem("version", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OrganizationId organization = actor.organizationId();
        TravelClaim claim = load(organization, claimId);
        if (claim.status() != ClaimStatus.SUBMITTED) {
            throw new ConflictException("error.travel.decided");
        }
        if (verdict.equals("APPROVE") && claim.overCap() && !override) {
            List<String> over = new ArrayList<>();
            for (int i = 0; i < claim.trips().size(); i++) {
                if (claim.trips().get(i).overCap()) {
                    over.add(String.valueOf(i + 1));
                }
            }
            throw new ConflictException("error.travel.overCap", String.join(", ", over),
                    String.format(Locale.ROOT, "%,d", claim.capPerTripKrw()));
        }
        int changed = jdbc.sql("""
                update travel_claim set status = ?, decided_at = ?, decided_by = ?, decided_by_name = ?,
                                        reject_reason = ?, override_note = ?, version = version + 1
                where id = ? and organization_id = ? and version = ? and status = 'SUBMITTED'""")
                .params(verdict.equals("APPROVE") ? "APPROVED" : "REJECTED", Timestamp.from(clock.instant()),
                        actor.userId(), actor.name(), reason, claim.overCap() ? note : null, claimId,
                        organization.value(), decision.version())
                .update();
        if (changed == 0) {
            throw new ConflictException("error.stale");
        }
        accessLog.candidates(actor, AccessLog.Action.EDIT_CANDIDATE, "travel claim " + claimId + " "
                + (verdict.equals("APPROVE") ? "approved" : "rejected"), List.of(claim.candidateId()));
        TravelClaim decided = load(organization, claimId);
        ApplicationView application = pipeline.application(organization, new JobApplicationId(claim.applicationId()));
        tell(actor, application, decided, verdict.equals("APPROVE") ? MessageEvent.TRAVEL_CLAIM_APPROVED
                : MessageEvent.TRAVEL_CLAIM_REJECTED, verdict.equals("APPROVE") ? "approved" : "rejected");
        return decided;
    }

    /**
     * Marks an approved claim paid on {@code paidOn} (not in the future), deleting its bank details; refused (409) for
     * a claim not approved or a stale version. The candidate is told.
     */
    @Transactional
    public TravelClaim markPaid(Actor actor, UUID claimId, LocalDate paidOn, Long version) {
        OrganizationId organization = actor.organizationId();
        ZoneId zone = identity.organization(organization).timeZone();
        List<FieldProblem> problems = new ArrayList<>();
        if (paidOn == null) {
            problems.add(new FieldProblem("paidOn", "validation.required"));
        } else if (paidOn.isAfter(LocalDate.now(clock.withZone(zone)))) {
            problems.add(new FieldProblem("paidOn", "validation.travel.paidFuture"));
        }
        if (version == null) {
            problems.add(new FieldProblem("version", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TravelClaim claim = load(organization, claimId);
        if (claim.status() != ClaimStatus.APPROVED) {
            throw new ConflictException("error.travel.notApproved");
        }
        int changed = jdbc.sql("""
                update travel_claim set status = 'PAID', paid_on = ?, paid_at = ?, paid_by_name = ?,
                                        bank_details = null, account_last4 = null, version = version + 1
                where id = ? and organization_id = ? and version = ? and status = 'APPROVED'""")
                .params(paidOn, Timestamp.from(clock.instant()), actor.name(), claimId, organization.value(), version)
                .update();
        if (changed == 0) {
            throw new ConflictException("error.stale");
        }
        accessLog.candidates(actor, AccessLog.Action.EDIT_CANDIDATE, "travel claim " + claimId + " paid",
                List.of(claim.candidateId()));
        TravelClaim paid = load(organization, claimId);
        ApplicationView application = pipeline.application(organization, new JobApplicationId(claim.applicationId()));
        tell(actor, application, paid, MessageEvent.TRAVEL_CLAIM_PAID, "paid");
        return paid;
    }

    /** The whole bank details, for the one who pays. */
    public record PaymentDetails(String accountHolder, String bankName, String accountNumber) {

        @Override
        public String toString() {
            return "PaymentDetails[hidden]";
        }
    }

    /**
     * The whole bank details of an approved claim, for an admin to make the payment: the only way the account number
     * leaves its ciphertext, and recorded in the access log. Refused (409) for a claim not approved (a paid claim's
     * details are gone).
     */
    @Transactional
    public PaymentDetails paymentDetails(Actor actor, UUID claimId) {
        TravelClaim claim = load(actor.organizationId(), claimId);
        if (claim.status() != ClaimStatus.APPROVED) {
            throw new ConflictException("error.travel.notApproved");
        }
        byte[] sealed = jdbc.sql("select bank_details from travel_claim where id = ? and organization_id = ?")
                .params(claimId, actor.organizationId().value()).query(byte[].class).single();
        String[] parts = dataKey.decrypt(sealed, claimId).split("\n", 3);
        accessLog.candidates(actor, AccessLog.Action.VIEW_CANDIDATE, "travel claim " + claimId
                + " bank details for payment", List.of(claim.candidateId()));
        return new PaymentDetails(parts[0], parts[1], parts[2]);
    }

    // --- reading -------------------------------------------------------------------------------------------------------

    private java.util.Optional<TravelClaim> claimOfInterview(OrganizationId organization, UUID interviewId) {
        return jdbc.sql("select id from travel_claim where organization_id = ? and interview_id = ?")
                .params(organization.value(), interviewId).query(UUID.class).optional()
                .map(id -> load(organization, id));
    }

    private TravelClaim load(OrganizationId organization, UUID claimId) {
        return jdbc.sql("""
                select t.*, a.candidate_name, i.title, i.starts_at from travel_claim t
                join job_application a on a.id = t.application_id
                join interview i on i.id = t.interview_id
                where t.id = ? and t.organization_id = ?""")
                .params(claimId, organization.value()).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("travelClaim"));
    }

    private TravelClaim row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        int cap = rs.getInt("cap_per_trip_krw");
        List<TravelClaim.Trip> trips = jdbc.sql("""
                select travel_date, from_place, to_place, mode, amount_krw from travel_trip
                where claim_id = ? order by position""").param(id)
                .query((r, i) -> new TravelClaim.Trip(r.getObject(1, LocalDate.class), r.getString(2),
                        r.getString(3), TravelMode.valueOf(r.getString(4)), r.getInt(5), r.getInt(5) > cap))
                .list();
        List<TravelClaim.Receipt> receipts = jdbc.sql("""
                select d.id, d.original_name, d.size_bytes from travel_receipt r
                join candidate_document d on d.id = r.document_id where r.claim_id = ? order by r.position""")
                .param(id).query((r, i) -> new TravelClaim.Receipt(r.getObject(1, UUID.class), r.getString(2),
                        r.getInt(3))).list();
        byte[] sealed = rs.getBytes("bank_details");
        TravelClaim.Bank bank = null;
        if (sealed != null) {
            String[] parts = dataKey.decrypt(sealed, id).split("\n", 3);
            bank = new TravelClaim.Bank(parts[0], parts[1], rs.getString("account_last4"));
        }
        return new TravelClaim(id, rs.getObject("interview_id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getObject("candidate_id", UUID.class),
                rs.getString("candidate_name"), rs.getString("title"), instant(rs, "starts_at"),
                ClaimStatus.valueOf(rs.getString("status")), rs.getLong("total_krw"), cap,
                trips.stream().anyMatch(TravelClaim.Trip::overCap), trips, receipts, bank,
                instant(rs, "submitted_at"), instant(rs, "decided_at"), rs.getString("decided_by_name"),
                rs.getString("reject_reason"), rs.getString("override_note"), rs.getObject("paid_on", LocalDate.class),
                rs.getString("paid_by_name"), rs.getLong("version"));
    }

    // --- telling the candidate -----------------------------------------------------------------------------------------

    private void tell(Actor actor, ApplicationView application, TravelClaim claim, MessageEvent event, String step) {
        notifications.tellCandidate(actor, application, event, language -> {
            Locale locale = Locale.forLanguageTag(language);
            Map<String, String> texts = new HashMap<>();
            texts.put("interviewTitle", claim.interviewTitle());
            texts.put("claimTotal", "ko".equals(language) ? String.format(Locale.ROOT, "%,d원", claim.totalKrw())
                    : String.format(Locale.ROOT, "KRW %,d", claim.totalKrw()));
            texts.put("rejectReason", claim.rejectReason() == null ? "" : claim.rejectReason());
            texts.put("paidOn", claim.paidOn() == null ? ""
                    : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(claim.paidOn()));
            return texts;
        }, Map.of(), null, "travel-claim/" + claim.id() + "/" + step, language -> null);
    }

    private Actor portalActor(OrganizationId organization, ApplicationView application) {
        return new Actor(null, organization, application.candidateName() + " (portal)", Set.of(),
                identity.organization(organization).timeZone());
    }

    private static String text(String value, int max, String field, List<FieldProblem> problems) {
        String text = isBlank(value) ? null : value.strip();
        if (text == null) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else if (text.length() > max) {
            problems.add(new FieldProblem(field, "validation.tooLong", max));
            return null;
        } else if (text.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "validation.travel.control"));
            return null;
        }
        return text;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

}
