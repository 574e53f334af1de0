package io.hireflow.offers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.candidates.Candidate;
import io.hireflow.candidates.CandidateManagement;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.OrganizationView;
import io.hireflow.jobs.Job;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageKind;
import io.hireflow.jobs.TeamRole;
import io.hireflow.notifications.Attachment;
import io.hireflow.notifications.MessageEvent;
import io.hireflow.notifications.NotificationManagement;
import io.hireflow.jobs.JobManagement;
import io.hireflow.pipeline.ApplicationMoved;
import io.hireflow.pipeline.ApplicationStatus;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.CandidateNotice;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.Transition;
import io.hireflow.pipeline.TransitionAction;
import io.hireflow.shared.AccessLog;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.PublicAddress;

/**
 * Offers as a negotiation. The company proposes version 1 as a draft; a version outside the job's band for its level
 * (or for a level without a band), or one changing the compensation of a version approved before, waits for an
 * approver's yes and cannot be sent until then. Sending writes the version's PDF letter in the candidate's language and
 * emails it. The candidate, in the portal, accepts the version in hand (the application is hired), declines it with a
 * reason (the application ends, withdrawn, with the reason recorded) or counters on any term with a message; the
 * company answers with a new version, and so on. Every version keeps what changed from the one before. An offer not
 * answered by the end of its expiry day expires (the {@link OfferExpiry} watch), and both sides are told; the company
 * may extend or withdraw it (with a reason). Everything is in the transaction of its step, the emails included.
 */
@Service
public class Offers {

    static final int MAX_TEXT = 200;
    static final int MAX_OTHER_TERMS = 4_000;
    static final int MAX_MESSAGE = 2_000;
    static final long MAX_SIGN_ON = 1_000_000_000L;
    static final int MAX_BONUS_PERCENT = 200;
    static final int MAX_STOCK_OPTIONS = 10_000_000;

    private final JdbcClient jdbc;
    private final SalaryBands bands;
    private final OfferLetters letters;
    private final PipelineManagement pipeline;
    private final JobManagement jobs;
    private final CandidateManagement candidates;
    private final IdentityManagement identity;
    private final NotificationManagement notifications;
    private final AccessLog accessLog;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final Clock clock;

    Offers(JdbcClient jdbc, SalaryBands bands, OfferLetters letters, PipelineManagement pipeline, JobManagement jobs,
            CandidateManagement candidates, IdentityManagement identity, NotificationManagement notifications,
            AccessLog accessLog, MessageSource messages, PublicAddress publicAddress, Clock clock) {
        this.jdbc = jdbc;
        this.bands = bands;
        this.letters = letters;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.candidates = candidates;
        this.identity = identity;
        this.notifications = notifications;
        this.accessLog = accessLog;
        this.messages = messages;
        this.publicAddress = publicAddress;
        this.clock = clock;
    }

    /**
     * Terms as asked for: each one null where it is not given. A new offer takes the job's title and first location
     * where those are missing, and no bonus or options; a new version takes what is missing from the version before.
     */
    public record Draft(String level, String title, Long baseSalaryKrw, Long signOnBonusKrw,
            Integer bonusTargetPercent, Integer stockOptions, String vesting, LocalDate startDate,
            String workLocation, String otherTerms, LocalDate expiresOn, String message) {
    }

    // --- the company's side ------------------------------------------------------------------------------------------

    /**
     * Makes an offer for an application active in an {@code OFFER} stage right before {@code HIRED}, with version 1 as
     * a draft (which may need approval). Refused (409) while the application has an offer in play, and (400) naming
     * each bad term.
     */
    @Transactional
    public Offer create(Actor actor, UUID applicationId, Draft draft) {
        OrganizationId organization = actor.organizationId();
        ApplicationView application = pipeline.application(organization, new JobApplicationId(applicationId));
        Job job = jobs.job(organization, application.jobId());
        requireInOfferStage(application, job);
        // one offer in play per application; the lock keeps two requests from both making one
        jdbc.sql("select id from job_application where id = ? for update").param(applicationId).query(UUID.class)
                .single();
        if (jdbc.sql("select count(*) from offer where application_id = ? and status in ('OPEN', 'EXPIRED')")
                .param(applicationId).query(Long.class).single() > 0) {
            throw new ConflictException("error.offer.exists");
        }
        OfferTerms base = new OfferTerms(null, job.title(), 0, 0, 0, 0, null, null,
                job.locations().isEmpty() ? null : job.locations().get(0), null, null);
        OfferTerms terms = checkTerms(draft, base, true, today(organization));
        UUID id = Ids.newId();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into offer (id, organization_id, application_id, job_id, status, created_at, created_by_name)
                values (?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, organization.value(), applicationId, job.id().value(), Timestamp.from(now), actor.name())
                .update();
        insertCompanyVersion(actor, id, applicationId, job.id().value(), 1, terms, draft.message(), List.of(), now);
        accessLog.applications(actor, AccessLog.Action.EDIT_CANDIDATE, "offer " + id + " made",
                List.of(applicationId));
        return offer(actor, id);
    }

    /**
     * The company's next version: what is not given is taken from the latest version. Refused (409) once the offer
     * has ended; an unsent draft before it is left unsent. It may need approval, and the approvers are told.
     */
    @Transactional
    public Offer propose(Actor actor, UUID offerId, Draft draft) {
        Offer offer = live(actor.organizationId(), offerId);
        OfferTerms terms = checkTerms(draft, offer.latest().terms(), true, today(actor.organizationId()));
        if (terms.changesFrom(offer.latest().terms()).isEmpty() && offer.latest().byCompany()
                && offer.latest().sentAt() == null) {
            throw new ConflictException("error.offer.noChange");
        }
        insertCompanyVersion(actor, offerId, offer.applicationId(), offer.jobId(), offer.lastNumber() + 1, terms,
                draft.message(), offer.versions(), clock.instant());
        return offer(actor, offerId);
    }

    private void insertCompanyVersion(Actor actor, UUID offerId, UUID applicationId, UUID jobId, int number,
            OfferTerms terms, String message, List<Offer.Version> before, Instant now) {
        Approval.Reason reason = approvalReason(jobId, terms, before);
        insertVersion(offerId, before.size() + 1, number, "COMPANY", actor.userId(), actor.name(), terms, message,
                reason == null ? Approval.NOT_NEEDED : Approval.PENDING, reason, now);
        event(offerId, "PROPOSED", number, actor.name(), null, now);
        if (reason != null) {
            event(offerId, "APPROVAL_REQUESTED", number, actor.name(), reason.name(), now);
            OrganizationId organization = actor.organizationId();
            tellStaff(organization, offerId, pipeline.application(organization, new JobApplicationId(applicationId)),
                    bands.approverIds(organization), "approvalRequested", "v" + number + "/approval", number,
                    actor.name());
        }
    }

    /** Why a company version needs approval, or null when it does not. */
    private Approval.Reason approvalReason(UUID jobId, OfferTerms terms, List<Offer.Version> before) {
        Optional<SalaryBands.Band> band = bands.band(jobId, terms.level());
        if (band.isEmpty()) {
            return Approval.Reason.NO_BAND;
        }
        if (!band.get().holds(terms.baseSalaryKrw())) {
            return Approval.Reason.OUTSIDE_BAND;
        }
        Offer.Version approved = null;
        for (Offer.Version version : before) {
            if (version.approval() == Approval.APPROVED) {
                approved = version;
            }
        }
        if (approved != null && terms.compensationDiffers(approved.terms())) {
            return Approval.Reason.CHANGED_AFTER_APPROVAL;
        }
        return null;
    }

    /**
     * An approver's answer on the latest version waiting for one: {@code approve} true or false, with a note (needed
     * to reject). Refused (409) for anyone who is not an approver, for the one who proposed it, and for a
     * version that is not the latest or not waiting.
     */
    @Transactional
    public Offer decide(Actor actor, UUID offerId, int number, Boolean approve, String note) {
        List<FieldProblem> problems = new ArrayList<>();
        if (approve == null) {
            problems.add(new FieldProblem("decision", "validation.oneOf", "APPROVE, REJECT"));
        }
        String text = text(note, MAX_MESSAGE, "note", Boolean.FALSE.equals(approve), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Offer offer = live(actor.organizationId(), offerId);
        if (!bands.approves(actor)) {
            throw new ConflictException("error.offer.notApprover");
        }
        Offer.Version version = version(offer, number);
        if (version != offer.latest() || version.approval() != Approval.PENDING) {
            throw new ConflictException("error.offer.notPending", number);
        }
        UUID proposer = jdbc.sql("""
                select proposed_by_user from offer_version
                where offer_id = ? and number = ? and proposed_by = 'COMPANY'""")
                .params(offerId, number).query(UUID.class).optional().orElse(null);
        if (actor.userId() != null && actor.userId().equals(proposer)) {
            throw new ConflictException("error.offer.ownVersion");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update offer_version set approval = ?, decided_by = ?, decided_by_name = ?, decided_at = ?,
                                         decision_note = ?
                where offer_id = ? and number = ? and proposed_by = 'COMPANY' and approval = 'PENDING'""")
                .params(approve ? "APPROVED" : "REJECTED", actor.userId(), actor.name(), Timestamp.from(now), text,
                        offerId, number)
                .update();
        event(offerId, approve ? "APPROVED" : "APPROVAL_REJECTED", number, actor.name(), text, now);
        tellStaff(actor.organizationId(), offerId, application(actor.organizationId(), offer),
                recruiters(actor.organizationId(), offer.jobId()), approve ? "approved" : "approvalRejected",
                "v" + number + "/decision", number, actor.name());
        return offer(actor, offerId);
    }

    /**
     * Sends the latest version to the candidate: its PDF letter in their language, attached to the email and kept.
     * Refused (409) for a version waiting for approval or rejected, a candidate's version (answer it with a new one),
     * one sent already, an offer that ended; (400) for a start date or expiry day that has passed by now. Sending an
     * expired offer's new version puts it back in play.
     */
    @Transactional
    public Offer send(Actor actor, UUID offerId) {
        OrganizationId organization = actor.organizationId();
        Offer offer = live(organization, offerId);
        Offer.Version version = offer.latest();
        if (!version.byCompany()) {
            throw new ConflictException("error.offer.answerCounter");
        }
        if (version.sentAt() != null) {
            throw new ConflictException("error.offer.sentAlready", version.number());
        }
        if (version.approval() == Approval.PENDING) {
            throw new ConflictException("error.offer.awaitsApproval", version.number());
        }
        if (version.approval() == Approval.REJECTED) {
            throw new ConflictException("error.offer.approvalRejected", version.number());
        }
        LocalDate today = today(organization);
        List<FieldProblem> problems = new ArrayList<>();
        checkDates(version.terms(), today, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ApplicationView application = application(organization, offer);
        requireInOfferStage(application, jobs.job(organization, application.jobId()));
        OrganizationView org = identity.organization(organization);
        Candidate candidate = candidates.candidate(organization, application.candidateId());
        String language = candidate.language() != null ? candidate.language() : org.defaultLocale().getLanguage();
        Instant now = clock.instant();
        byte[] pdf = letters.write(org, offer, version, candidate.name(), language, now);
        Instant expiresAt = version.terms().expiresOn().plusDays(1).atStartOfDay(org.timeZone()).toInstant();
        jdbc.sql("""
                update offer_version set sent_at = ?, letter_language = ?, letter_pdf = ?
                where offer_id = ? and number = ? and proposed_by = 'COMPANY'""")
                .params(Timestamp.from(now), language, pdf, offerId, version.number()).update();
        jdbc.sql("""
                update offer set sent_version = ?, expires_at = ?, status = 'OPEN', version = version + 1
                where id = ?""")
                .params(version.number(), Timestamp.from(expiresAt), offerId).update();
        event(offerId, "SENT", version.number(), actor.name(), null, now);
        accessLog.applications(actor, AccessLog.Action.SEND_MESSAGE, "offer " + offerId + " v" + version.number()
                + " sent", List.of(offer.applicationId()));
        notifications.tellCandidate(actor, application, MessageEvent.OFFER_SENT,
                lang -> Map.of("offerExpiry", day(version.terms().expiresOn(), lang)), Map.of(), null,
                "offer/" + offerId + "/v" + version.number() + "/sent",
                lang -> Attachment.pdf("offer-v" + version.number() + ".pdf", pdf));
        return offer(actor, offerId);
    }

    /**
     * Withdraws an offer in play; the reason is required and kept (the candidate, if anything was sent to them, is
     * told the offer is withdrawn, not the reason). The application stays where it is for the team to decide.
     */
    @Transactional
    public Offer withdraw(Actor actor, UUID offerId, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = text(reason, MAX_MESSAGE, "reason", true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Offer offer = live(actor.organizationId(), offerId);
        Instant now = clock.instant();
        close(offerId, OfferStatus.WITHDRAWN, null, null, why, now);
        event(offerId, "WITHDRAWN", offer.sentVersion(), actor.name(), why, now);
        if (offer.sentVersion() != null) {
            notifications.tellCandidate(actor, application(actor.organizationId(), offer),
                    MessageEvent.OFFER_WITHDRAWN, lang -> Map.of(), Map.of(), null, "offer/" + offerId + "/withdrawn",
                    lang -> null);
        }
        return offer(actor, offerId);
    }

    /**
     * Gives the candidate until the end of a later day to answer the version in hand (an expired offer is back in
     * play). Refused (409) before anything was sent or once the offer ended; (400) for a day not after today.
     */
    @Transactional
    public Offer extend(Actor actor, UUID offerId, LocalDate expiresOn) {
        OrganizationId organization = actor.organizationId();
        LocalDate today = today(organization);
        if (expiresOn == null) {
            throw new InvalidInputException("expiresOn", "validation.required");
        }
        if (!expiresOn.isAfter(today)) {
            throw new InvalidInputException("expiresOn", "validation.offer.expiryPast", today.toString());
        }
        Offer offer = live(organization, offerId);
        if (offer.sentVersion() == null) {
            throw new ConflictException("error.offer.notSent");
        }
        ZoneId zone = identity.organization(organization).timeZone();
        Instant expiresAt = expiresOn.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        jdbc.sql("update offer set status = 'OPEN', expires_at = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(expiresAt), offerId).update();
        event(offerId, "EXTENDED", offer.sentVersion(), actor.name(), expiresOn.toString(), now);
        notifications.tellCandidate(actor, application(organization, offer), MessageEvent.OFFER_EXTENDED,
                lang -> Map.of("offerExpiry", day(expiresOn, lang)), Map.of(), null,
                "offer/" + offerId + "/extended/" + expiresOn, lang -> null);
        return offer(actor, offerId);
    }

    // --- reading -----------------------------------------------------------------------------------------------------

    /** One offer with its whole thread; the look is recorded in the access log. */
    @Transactional
    public Offer offer(Actor actor, UUID offerId) {
        Offer offer = load(actor.organizationId(), offerId);
        accessLog.applications(actor, AccessLog.Action.VIEW_APPLICATION, "offer " + offerId,
                List.of(offer.applicationId()));
        return offer;
    }

    /** The application's offers, newest first. */
    @Transactional(readOnly = true)
    public List<Offer> ofApplication(Actor actor, UUID applicationId) {
        pipeline.application(actor.organizationId(), new JobApplicationId(applicationId));
        return jdbc.sql("select id from offer where application_id = ? and organization_id = ? order by id desc")
                .params(applicationId, actor.organizationId().value()).query(UUID.class).list().stream()
                .map(id -> load(actor.organizationId(), id)).toList();
    }

    /** The organization's offers, newest first, of one status or all (at most 500), with how each ended. */
    @Transactional(readOnly = true)
    public List<Offer.Summary> list(Actor actor, OfferStatus status) {
        return jdbc.sql("""
                select o.*, j.title as job_title, a.candidate_name,
                       (select count(*) from offer_version v where v.offer_id = o.id and v.proposed_by = 'COMPANY')
                           as versions
                from offer o join job j on j.id = o.job_id join job_application a on a.id = o.application_id
                where o.organization_id = ? and (cast(? as text) is null or o.status = ?)
                order by o.id desc limit 500""")
                .params(actor.organizationId().value(), status == null ? null : status.name(),
                        status == null ? null : status.name())
                .query((rs, n) -> new Offer.Summary(rs.getObject("id", UUID.class),
                        rs.getObject("application_id", UUID.class), rs.getObject("job_id", UUID.class),
                        rs.getString("job_title"), rs.getString("candidate_name"),
                        OfferStatus.valueOf(rs.getString("status")), rs.getInt("versions"),
                        (Integer) rs.getObject("sent_version"), instant(rs, "expires_at"),
                        declineReason(rs), rs.getString("decline_note"), instant(rs, "created_at"),
                        instant(rs, "closed_at")))
                .list();
    }

    /** How many declined offers give each reason, over the organization's offers. */
    @Transactional(readOnly = true)
    public Map<DeclineReason, Long> declineReasons(OrganizationId organization) {
        Map<DeclineReason, Long> counts = new java.util.EnumMap<>(DeclineReason.class);
        jdbc.sql("""
                select decline_reason, count(*) from offer where organization_id = ? and status = 'DECLINED'
                group by decline_reason""").param(organization.value())
                .query(rs -> {
                    counts.put(DeclineReason.valueOf(rs.getString(1)), rs.getLong(2));
                }
                );
        return counts;
    }

    /** A sent version's letter as the candidate got it; 404 for a version never sent. */
    @Transactional
    public byte[] letter(Actor actor, UUID offerId, int number) {
        Offer offer = load(actor.organizationId(), offerId);
        accessLog.applications(actor, AccessLog.Action.DOWNLOAD_DOCUMENT, "offer " + offerId + " v" + number
                + " letter", List.of(offer.applicationId()));
        return letterBytes(offerId, number);
    }

    private byte[] letterBytes(UUID offerId, int number) {
        return jdbc.sql("""
                select letter_pdf from offer_version
                where offer_id = ? and number = ? and proposed_by = 'COMPANY' and sent_at is not null""")
                .params(offerId, number).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("offerLetter"));
    }

    // --- the candidate's side ----------------------------------------------------------------------------------------

    /** The offers sent to this email's applications, in every organization, newest first, as the candidate sees. */
    @Transactional(readOnly = true)
    public List<CandidateOffer> forCandidate(String email) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select o.id, o.organization_id from offer o
                join job_application a on a.id = o.application_id join candidate c on c.id = a.candidate_id
                where lower(c.email) = lower(?) and o.sent_version is not null order by o.id desc""")
                .param(email.strip()).query().listOfRows();
        List<CandidateOffer> offers = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            OrganizationId organization = new OrganizationId((UUID) row.get("organization_id"));
            offers.add(candidateView(load(organization, (UUID) row.get("id")), organization));
        }
        return offers;
    }

    /** One of this email's offers as the candidate sees it; 404 for an offer not theirs or never sent to them. */
    @Transactional(readOnly = true)
    public CandidateOffer forCandidate(String email, UUID offerId) {
        OrganizationId organization = organizationOf(email, offerId);
        return candidateView(load(organization, offerId), organization);
    }

    /** A sent version's letter, for its candidate. */
    @Transactional(readOnly = true)
    public byte[] letterForCandidate(String email, UUID offerId, int number) {
        organizationOf(email, offerId);
        return letterBytes(offerId, number);
    }

    /**
     * The candidate accepts the version in hand ({@code number}, as they saw it). Refused (409) once the offer has
     * ended or expired (even before the watch has marked it), for a version that is not the one in hand, or when the
     * application is no longer active in its offer stage. The application is hired; the candidate is welcomed and the
     * job's recruiters are told (with the headcount when it is filled).
     */
    @Transactional
    public CandidateOffer accept(String email, UUID offerId, Integer number) {
        Answer answer = answering(email, offerId, number);
        OrganizationId organization = answer.organization();
        Offer offer = answer.offer();
        ApplicationView application = answer.application();
        Actor candidate = candidateActor(organization, application);
        Instant now = clock.instant();
        close(offerId, OfferStatus.ACCEPTED, null, null, null, now);
        event(offerId, "ACCEPTED", offer.sentVersion(), application.candidateName(), null, now);
        pipeline.transition(candidate, application.id(), new Transition(TransitionAction.HIRE, null, null,
                "offer v" + offer.sentVersion() + " accepted", application.version()),
                new CandidateNotice(CandidateNotice.Mode.NONE, null, "told by the offer's acceptance"));
        OfferTerms terms = offer.sent().terms();
        notifications.tellCandidate(candidate, application, MessageEvent.OFFER_ACCEPTED,
                lang -> Map.of("startDate", day(terms.startDate(), lang)), Map.of(), null,
                "offer/" + offerId + "/accepted", lang -> null);
        Headcount headcount = headcount(organization, offer.jobId());
        tellStaff(organization, offerId, application, recruiters(organization, offer.jobId()),
                headcount.full() ? "acceptedFull" : "accepted", "accepted", offer.sentVersion(),
                application.candidateName(), headcount.hired(), headcount.headcount());
        return candidateView(load(organization, offerId), organization);
    }

    /**
     * The candidate declines the version in hand with a reason from the list and, for {@code OTHER}, their words
     * (optional otherwise). The application ends (withdrawn, the reason in its timeline), the offer keeps the reason
     * for reports, the candidate is thanked and the recruiters are told. Refused as {@link #accept} is.
     */
    @Transactional
    public CandidateOffer decline(String email, UUID offerId, Integer number, String reason, String note) {
        List<FieldProblem> problems = new ArrayList<>();
        DeclineReason why = EnumNames.parse(DeclineReason.class, reason);
        if (why == null) {
            problems.add(new FieldProblem("reason", "validation.oneOf",
                    "COMPENSATION, START_DATE, OTHER_OFFER, LOCATION, OTHER"));
        }
        String words = text(note, MAX_MESSAGE, "note", why == DeclineReason.OTHER, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Answer answer = answering(email, offerId, number);
        OrganizationId organization = answer.organization();
        Offer offer = answer.offer();
        ApplicationView application = answer.application();
        Actor candidate = candidateActor(organization, application);
        Instant now = clock.instant();
        close(offerId, OfferStatus.DECLINED, why, words, null, now);
        event(offerId, "DECLINED", offer.sentVersion(), application.candidateName(), why.name() + (words == null ? ""
                : ": " + words), now);
        pipeline.transition(candidate, application.id(), new Transition(TransitionAction.WITHDRAW, null, null,
                "offer v" + offer.sentVersion() + " declined (" + why.name() + ")" + (words == null ? ""
                        : ": " + words), application.version()),
                new CandidateNotice(CandidateNotice.Mode.NONE, null, "told by the offer's decline"));
        notifications.tellCandidate(candidate, application, MessageEvent.OFFER_DECLINED, lang -> Map.of(), Map.of(),
                null, "offer/" + offerId + "/declined", lang -> null);
        tellStaff(organization, offerId, application, recruiters(organization, offer.jobId()), "declined",
                "declined", offer.sentVersion(), application.candidateName(), reasonText(why, organization),
                words == null ? "" : words);
        return candidateView(load(organization, offerId), organization);
    }

    /**
     * The candidate's counter-proposal on the version in hand: any terms but the expiry day, and a message (required).
     * Refused (409) as {@link #accept} is, while their earlier counter waits for an answer, and (400) when nothing
     * changes or a term is bad. The recruiters are told.
     */
    @Transactional
    public CandidateOffer counter(String email, UUID offerId, Integer number, Draft draft) {
        Answer answer = answering(email, offerId, number);
        OrganizationId organization = answer.organization();
        Offer offer = answer.offer();
        if (counterWaiting(offer)) {
            throw new ConflictException("error.offer.counterWaiting");
        }
        OfferTerms sent = offer.sent().terms();
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.expiresOn() != null && !draft.expiresOn().equals(sent.expiresOn())) {
            problems.add(new FieldProblem("expiresOn", "validation.offer.expiryNotYours"));
        }
        String message = text(draft.message(), MAX_MESSAGE, "message", true, problems);
        OfferTerms terms;
        try {
            terms = checkTerms(draft, sent, false, today(organization));
        } catch (InvalidInputException refusal) {
            problems.addAll(refusal.problems());
            throw new InvalidInputException(problems);
        }
        if (problems.isEmpty() && terms.changesFrom(sent).isEmpty()) {
            problems.add(new FieldProblem("baseSalaryKrw", "validation.offer.noChange"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ApplicationView application = answer.application();
        Instant now = clock.instant();
        int answered = offer.sentVersion();
        insertVersion(offerId, offer.versions().size() + 1, answered, "CANDIDATE", null, application.candidateName(),
                terms, message, Approval.NOT_NEEDED, null, now);
        event(offerId, "COUNTERED", answered, application.candidateName(), null, now);
        tellStaff(organization, offerId, application, recruiters(organization, offer.jobId()), "countered",
                "v" + answered + "/counter", answered, application.candidateName());
        return candidateView(load(organization, offerId), organization);
    }

    /** How many of a job's applications are hired, against its headcount, and whether it is still open. */
    public record Headcount(long hired, int headcount, boolean open) {

        public boolean full() {
            return hired >= headcount;
        }
    }

    /** The job's hires against its headcount: the accepted offers count there, as hired applications. */
    @Transactional(readOnly = true)
    public Headcount headcount(OrganizationId organization, UUID jobId) {
        Job job = jobs.job(organization, new io.hireflow.jobs.JobId(jobId));
        long hired = jdbc.sql("select count(*) from job_application where job_id = ? and status = 'HIRED'")
                .param(jobId).query(Long.class).single();
        return new Headcount(hired, job.headcount(), job.status() == io.hireflow.jobs.JobStatus.OPEN);
    }

    /** A candidate's answer in the making: the offer, locked and still answerable, and its application. */
    private record Answer(OrganizationId organization, Offer offer, ApplicationView application) {
    }

    /**
     * The candidate's offer (found through their email), its row locked so that the answer decides on the state it
     * then holds, and refused (409) once it has ended or expired or when {@code number} is not the version in hand.
     */
    private Answer answering(String email, UUID offerId, Integer number) {
        OrganizationId organization = organizationOf(email, offerId);
        Offer offer = locked(organization, offerId);
        requireAnswerable(offer, number);
        return new Answer(organization, offer, application(organization, offer));
    }

    private void requireAnswerable(Offer offer, Integer number) {
        if (offer.status() == OfferStatus.EXPIRED
                || offer.status() == OfferStatus.OPEN && !clock.instant().isBefore(offer.expiresAt())) {
            throw new ConflictException("error.offer.expired");
        }
        if (offer.status() != OfferStatus.OPEN) {
            throw new ConflictException("error.offer.ended", offer.status());
        }
        if (number == null || !number.equals(offer.sentVersion())) {
            throw new ConflictException("error.offer.notInHand", offer.sentVersion());
        }
    }

    private CandidateOffer candidateView(Offer offer, OrganizationId organization) {
        String company = identity.organization(organization).name();
        List<Offer.Version> shown = new ArrayList<>();
        OfferTerms before = null;
        for (Offer.Version version : offer.versions()) {
            if (version.byCompany() && version.sentAt() == null) {
                continue;
            }
            List<OfferTerms.Change> changes = before == null ? List.of() : version.terms().changesFrom(before);
            // the company's approvals and notes are its own
            shown.add(new Offer.Version(version.number(), version.proposedBy(), version.byCompany()
                    ? company : version.proposedByName(), version.proposedAt(),
                    version.terms(), changes, version.message(), Approval.NOT_NEEDED, null, null, null, null,
                    version.sentAt(), version.hasLetter()));
            before = version.terms();
        }
        // past its time an offer is expired to the candidate, whether or not the watch has marked it yet
        boolean past = offer.expiresAt() != null && !clock.instant().isBefore(offer.expiresAt());
        OfferStatus status = offer.status() == OfferStatus.OPEN && past ? OfferStatus.EXPIRED : offer.status();
        return new CandidateOffer(offer.id(), offer.applicationId(), company, offer.jobTitle(), status,
                offer.sentVersion(), offer.expiresAt(), offer.declineReason(), offer.declineNote(), shown,
                status == OfferStatus.OPEN && offer.expiresAt() != null, counterWaiting(offer));
    }

    /** Whether the candidate has countered the version in hand: one counter at a time. */
    private static boolean counterWaiting(Offer offer) {
        return offer.sentVersion() != null && offer.versions().stream()
                .anyMatch(version -> !version.byCompany() && version.number() == offer.sentVersion());
    }

    private OrganizationId organizationOf(String email, UUID offerId) {
        return jdbc.sql("""
                select o.organization_id from offer o
                join job_application a on a.id = o.application_id join candidate c on c.id = a.candidate_id
                where o.id = ? and lower(c.email) = lower(?) and o.sent_version is not null""")
                .params(offerId, email == null ? "" : email.strip()).query(UUID.class).optional()
                .map(OrganizationId::new).orElseThrow(() -> new NotFoundException("offer"));
    }

    private Actor candidateActor(OrganizationId organization, ApplicationView application) {
        return new Actor(null, organization, application.candidateName() + " (portal)", Set.of(),
                identity.organization(organization).timeZone());
    }

    // --- expiry ------------------------------------------------------------------------------------------------------

    /**
     * Marks every open offer whose expiry has passed as expired, in one statement (each offer is taken by one node),
     * and tells its candidate and its recruiters; answers how many expired.
     */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<Map<String, Object>> expired = jdbc.sql("""
                update offer set status = 'EXPIRED', version = version + 1
                where status = 'OPEN' and expires_at <= ? returning id, organization_id, expires_at""")
                .param(Timestamp.from(now)).query().listOfRows();
        for (Map<String, Object> row : expired) {
            UUID offerId = (UUID) row.get("id");
            OrganizationId organization = new OrganizationId((UUID) row.get("organization_id"));
            Offer offer = load(organization, offerId);
            event(offerId, "EXPIRED", offer.sentVersion(), "Hireflow", null, now);
            ApplicationView application = application(organization, offer);
            ZoneId zone = identity.organization(organization).timeZone();
            Instant expiresAt = ((Timestamp) row.get("expires_at")).toInstant();
            // the last day it held (an extension moves it past the terms' own day)
            LocalDate lastDay = LocalDate.ofInstant(expiresAt.minusNanos(1), zone);
            notifications.tellCandidate(new Actor(null, organization, "Hireflow", Set.of(), zone), application,
                    MessageEvent.OFFER_EXPIRED, lang -> Map.of("offerExpiry", day(lastDay, lang)), Map.of(), null,
                    "offer/" + offerId + "/expired/" + expiresAt, lang -> null);
            tellStaff(organization, offerId, application, recruiters(organization, offer.jobId()), "expired",
                    "expired/" + expiresAt, offer.sentVersion(), offer.candidateName());
        }
        return expired.size();
    }

    /**
     * An application that leaves its offer stage, or ends, while its offer is in play (rejected, withdrawn by the
     * candidate from the portal, moved back) takes the offer with it: withdrawn in the move's transaction, with the
     * move as its reason. The candidate hears of the move itself, not of the offer. Accepting and declining close the
     * offer before they move the application, so their own moves find nothing in play.
     */
    @EventListener
    void on(ApplicationMoved moved) {
        if (moved.status() == ApplicationStatus.ACTIVE && moved.fromStageId().equals(moved.toStageId())
                || moved.status() == ApplicationStatus.ON_HOLD) {
            return;
        }
        Instant now = clock.instant();
        String reason = "application " + moved.type().name().toLowerCase(Locale.ROOT);
        jdbc.sql("""
                update offer set status = 'WITHDRAWN', withdraw_reason = ?, closed_at = ?, version = version + 1
                where organization_id = ? and application_id = ? and status in ('OPEN', 'EXPIRED')
                returning id, sent_version""")
                .params(reason, Timestamp.from(now), moved.organizationId().value(), moved.applicationId().value())
                .query((rs, n) -> {
                    event(rs.getObject("id", UUID.class), "WITHDRAWN", (Integer) rs.getObject("sent_version"),
                            "Hireflow", reason, now);
                    return null;
                }).list();
    }

    // --- checking terms ----------------------------------------------------------------------------------------------

    /**
     * The terms as {@code draft} gives them, each missing one taken from {@code base}; every problem named at once.
     * The company may set the expiry day; the candidate's counter keeps the one they were given.
     */
    private OfferTerms checkTerms(Draft draft, OfferTerms base, boolean company, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String level = text(pick(draft.level(), base.level()), SalaryBands.MAX_LEVEL, "level", true, problems);
        String title = text(pick(draft.title(), base.title()), MAX_TEXT, "title", true, problems);
        Long base0 = draft.baseSalaryKrw() != null ? draft.baseSalaryKrw()
                : base.baseSalaryKrw() > 0 ? base.baseSalaryKrw() : null;
        SalaryBands.salary(base0, "baseSalaryKrw", problems);
        long signOn = draft.signOnBonusKrw() != null ? draft.signOnBonusKrw() : base.signOnBonusKrw();
        if (signOn < 0 || signOn > MAX_SIGN_ON) {
            problems.add(new FieldProblem("signOnBonusKrw", "validation.offer.amount", "0",
                    SalaryBands.krw(MAX_SIGN_ON)));
        }
        int bonus = draft.bonusTargetPercent() != null ? draft.bonusTargetPercent() : base.bonusTargetPercent();
        if (bonus < 0 || bonus > MAX_BONUS_PERCENT) {
            problems.add(new FieldProblem("bonusTargetPercent", "validation.offer.percent", MAX_BONUS_PERCENT));
        }
        int options = draft.stockOptions() != null ? draft.stockOptions() : base.stockOptions();
        if (options < 0 || options > MAX_STOCK_OPTIONS) {
            problems.add(new FieldProblem("stockOptions", "validation.offer.amount", "0",
                    SalaryBands.krw(MAX_STOCK_OPTIONS)));
        }
        String vesting = text(pick(draft.vesting(), base.vesting()), MAX_TEXT, "vesting", options > 0, problems);
        String location = text(pick(draft.workLocation(), base.workLocation()), MAX_TEXT, "workLocation", true,
                problems);
        String other = text(pick(draft.otherTerms(), base.otherTerms()), MAX_OTHER_TERMS, "otherTerms", false,
                problems);
        LocalDate start = draft.startDate() != null ? draft.startDate() : base.startDate();
        LocalDate expires = company && draft.expiresOn() != null ? draft.expiresOn() : base.expiresOn();
        OfferTerms terms = new OfferTerms(level, title, base0 == null ? 0 : base0, signOn, bonus, options,
                options > 0 ? vesting : null, start, location, other, expires);
        checkDates(terms, today, company, problems);
        if (company) {
            text(draft.message(), MAX_MESSAGE, "message", false, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return terms;
    }

    /**
     * The start day given and not passed; with {@code expiry}, the company's expiry day given and after today (the day
     * it is sent). A counter-proposal keeps the expiry it was given, which may be today or extended past.
     */
    private static void checkDates(OfferTerms terms, LocalDate today, boolean expiry, List<FieldProblem> problems) {
        if (terms.startDate() == null) {
            problems.add(new FieldProblem("startDate", "validation.required"));
        } else if (terms.startDate().isBefore(today)) {
            problems.add(new FieldProblem("startDate", "validation.offer.startPast", today.toString()));
        }
        if (!expiry) {
            return;
        }
        if (terms.expiresOn() == null) {
            problems.add(new FieldProblem("expiresOn", "validation.required"));
        } else if (!terms.expiresOn().isAfter(today)) {
            problems.add(new FieldProblem("expiresOn", "validation.offer.expiryPast", today.toString()));
        }
    }

    private static String pick(String given, String fallback) {
        return given != null ? given : fallback;
    }

    /** Text stripped; blank is null (a problem when required); too long or with control characters is a problem. */
    static String text(String value, int max, String field, boolean required, List<FieldProblem> problems) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text == null) {
            if (required) {
                problems.add(new FieldProblem(field, "validation.required"));
            }
            return null;
        }
        if (text.length() > max) {
            problems.add(new FieldProblem(field, "validation.tooLong", max));
            return null;
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(new FieldProblem(field, "validation.offer.control"));
            return null;
        }
        return text;
    }

    private void requireInOfferStage(ApplicationView application, Job job) {
        Stage stage = job.stage(application.stageId()).orElseThrow();
        if (application.status() != ApplicationStatus.ACTIVE || stage.kind() != StageKind.OFFER) {
            throw new ConflictException("error.offer.notInOfferStage");
        }
        if (job.next(stage).filter(next -> next.kind() == StageKind.HIRED).isEmpty()) {
            throw new ConflictException("error.offer.stageNotLast", stage.name());
        }
    }

    // --- writing and loading -----------------------------------------------------------------------------------------

    private void insertVersion(UUID offerId, int position, int number, String by, UUID userId, String name,
            OfferTerms terms, String message, Approval approval, Approval.Reason reason, Instant now) {
        jdbc.sql("""
                insert into offer_version (offer_id, position, number, proposed_by, proposed_by_user,
                    proposed_by_name, proposed_at, level, title, base_salary_krw, sign_on_bonus_krw,
                    bonus_target_percent, stock_options, vesting, start_date, work_location, other_terms, expires_on,
                    message, approval, approval_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(offerId, position, number, by, userId, name, Timestamp.from(now), terms.level(), terms.title(),
                        terms.baseSalaryKrw(), terms.signOnBonusKrw(), terms.bonusTargetPercent(),
                        terms.stockOptions(), terms.vesting(), terms.startDate(), terms.workLocation(),
                        terms.otherTerms(), terms.expiresOn(), message == null || message.isBlank() ? null
                                : message.strip(), approval.name(), reason == null ? null : reason.name())
                .update();
    }

    private void event(UUID offerId, String kind, Integer version, String actor, String note, Instant at) {
        jdbc.sql("""
                insert into offer_event (id, offer_id, at, kind, version, actor_name, note)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(), offerId, Timestamp.from(at), kind, version, actor, note).update();
    }

    private void close(UUID offerId, OfferStatus status, DeclineReason reason, String note, String withdrawReason,
            Instant now) {
        jdbc.sql("""
                update offer set status = ?, decline_reason = ?, decline_note = ?, withdraw_reason = ?, closed_at = ?,
                                 version = version + 1
                where id = ?""")
                .params(status.name(), reason == null ? null : reason.name(), note, withdrawReason,
                        Timestamp.from(now), offerId)
                .update();
    }

    /** The offer, its row locked first, so that a step decides on the state the offer then holds. */
    private Offer locked(OrganizationId organization, UUID offerId) {
        jdbc.sql("select id from offer where id = ? and organization_id = ? for update")
                .params(offerId, organization.value()).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("offer"));
        return load(organization, offerId);
    }

    /** The offer, locked, while it is in play; refused (409) once it has ended. */
    private Offer live(OrganizationId organization, UUID offerId) {
        Offer offer = locked(organization, offerId);
        if (!offer.status().live()) {
            throw new ConflictException("error.offer.ended", offer.status());
        }
        return offer;
    }

    private ApplicationView application(OrganizationId organization, Offer offer) {
        return pipeline.application(organization, new JobApplicationId(offer.applicationId()));
    }

    private LocalDate today(OrganizationId organization) {
        return LocalDate.now(clock.withZone(identity.organization(organization).timeZone()));
    }

    Offer load(OrganizationId organization, UUID offerId) {
        return jdbc.sql("""
                select o.*, j.title as job_title, a.candidate_name from offer o
                join job j on j.id = o.job_id join job_application a on a.id = o.application_id
                where o.id = ? and o.organization_id = ?""")
                .params(offerId, organization.value()).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("offer"));
    }

    private Offer row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Offer.Version> versions = new ArrayList<>();
        jdbc.sql("""
                select offer_id, number, proposed_by, proposed_by_name, proposed_at, level, title, base_salary_krw,
                       sign_on_bonus_krw, bonus_target_percent, stock_options, vesting, start_date, work_location,
                       other_terms, expires_on, message, approval, approval_reason, decided_by_name, decided_at,
                       decision_note, sent_at, letter_pdf is not null as has_letter
                from offer_version where offer_id = ? order by position""")
                .param(id).query(rs2 -> {
                    OfferTerms terms = new OfferTerms(rs2.getString("level"), rs2.getString("title"),
                            rs2.getLong("base_salary_krw"), rs2.getLong("sign_on_bonus_krw"),
                            rs2.getInt("bonus_target_percent"), rs2.getInt("stock_options"), rs2.getString("vesting"),
                            rs2.getObject("start_date", LocalDate.class), rs2.getString("work_location"),
                            rs2.getString("other_terms"), rs2.getObject("expires_on", LocalDate.class));
                    // a counter-proposal answers the version of its number; anything else follows the entry before
                    int number = rs2.getInt("number");
                    Offer.Version before = "CANDIDATE".equals(rs2.getString("proposed_by"))
                            ? versions.stream().filter(v -> v.byCompany() && v.number() == number).findFirst()
                                    .orElse(null)
                            : versions.isEmpty() ? null : versions.get(versions.size() - 1);
                    List<OfferTerms.Change> changes = before == null ? List.of() : terms.changesFrom(before.terms());
                    String reason = rs2.getString("approval_reason");
                    versions.add(new Offer.Version(rs2.getInt("number"), rs2.getString("proposed_by"),
                            rs2.getString("proposed_by_name"), instant(rs2, "proposed_at"), terms, changes,
                            rs2.getString("message"), Approval.valueOf(rs2.getString("approval")),
                            reason == null ? null : Approval.Reason.valueOf(reason), rs2.getString("decided_by_name"),
                            instant(rs2, "decided_at"), rs2.getString("decision_note"), instant(rs2, "sent_at"),
                            rs2.getBoolean("has_letter")));
                });
        List<Offer.Event> events = jdbc.sql("""
                select at, kind, version, actor_name, note from offer_event where offer_id = ? order by id""")
                .param(id).query((r, i) -> new Offer.Event(instant(r, "at"), r.getString("kind"),
                        (Integer) r.getObject("version"), r.getString("actor_name"), r.getString("note")))
                .list();
        return new Offer(id, rs.getObject("application_id", UUID.class), rs.getObject("job_id", UUID.class),
                rs.getString("job_title"), rs.getString("candidate_name"), OfferStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("sent_version"), instant(rs, "expires_at"), declineReason(rs),
                rs.getString("decline_note"), rs.getString("withdraw_reason"), instant(rs, "created_at"),
                rs.getString("created_by_name"), instant(rs, "closed_at"), rs.getLong("version"), versions, events);
    }

    /** The company's version {@code number}. */
    private static Offer.Version version(Offer offer, int number) {
        return offer.versions().stream().filter(version -> version.byCompany() && version.number() == number)
                .findFirst().orElseThrow(() -> new NotFoundException("offerVersion"));
    }

    private static DeclineReason declineReason(ResultSet rs) throws SQLException {
        String reason = rs.getString("decline_reason");
        return reason == null ? null : DeclineReason.valueOf(reason);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    // --- telling people ----------------------------------------------------------------------------------------------

    /** The job's recruiters; a job without any: the organization's admins (as approvers are, when none is chosen). */
    private List<UUID> recruiters(OrganizationId organization, UUID jobId) {
        List<UUID> recruiters = jobs.job(organization, new io.hireflow.jobs.JobId(jobId)).team(TeamRole.RECRUITER)
                .stream().map(member -> member.userId()).toList();
        return recruiters.isEmpty() ? bands.admins(organization) : recruiters;
    }

    /** A staff email about the offer ({@code OFFER_ACTIVITY}): what happened, in the organization's language. */
    private void tellStaff(OrganizationId organization, UUID offerId, ApplicationView application, List<UUID> users,
            String what, String key, Object... arguments) {
        String link = link("/offers/" + offerId);
        notifications.tellStaff(organization, application, MessageEvent.OFFER_ACTIVITY, users,
                (user, language) -> Map.of("offerActivity", messages.getMessage("offers.activity." + what,
                        arguments, Locale.forLanguageTag(language)), "offerLink", link),
                Map.of(), null, "offer/" + offerId + "/staff/" + key, null);
    }

    private String reasonText(DeclineReason reason, OrganizationId organization) {
        return messages.getMessage("offers.declineReason." + reason.name(), null,
                identity.organization(organization).defaultLocale());
    }

    /** An address for a link in an email: the public address, or (with none set and no request) the path alone. */
    private String link(String path) {
        try {
            return publicAddress.of(path);
        } catch (IllegalStateException noRequest) {
            return path;
        }
    }

    /** A day as the candidate's language writes it. */
    static String day(LocalDate day, String language) {
        return "ko".equals(language)
                ? day.getYear() + "년 " + day.getMonthValue() + "월 " + day.getDayOfMonth() + "일"
                : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                        .withLocale(Locale.ENGLISH).format(day);
    }

    /** An amount of KRW as the language writes it. */
    static String krw(long amount, String language) {
        return "ko".equals(language) ? String.format(Locale.ROOT, "%,d원", amount)
                : String.format(Locale.ROOT, "KRW %,d", amount);
    }
}
