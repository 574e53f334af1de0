package io.hireflow.offers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.hireflow.identity.StaffUserView;
import io.hireflow.jobs.JobId;
import io.hireflow.shared.Actor;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Offers through the API. Every route is for admins, recruiters and hiring managers only: compensation is never
 * answered to an interviewer (403 before anything is read).
 */
@RestController
@Tag(name = "Offers", description = "Salary bands, offers as versions with approvals, letters, expiry and outcome")
class OfferApiController {

    private final Offers offers;
    private final SalaryBands bands;
    private final OfferLetters letters;

    OfferApiController(Offers offers, SalaryBands bands, OfferLetters letters) {
        this.offers = offers;
        this.bands = bands;
        this.letters = letters;
    }

    /** A band's range: yearly base salary in KRW. */
    record BandRequest(Long minKrw, Long maxKrw) {
    }

    @GetMapping("/api/v1/jobs/{jobId}/salary-bands")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "listSalaryBands", summary = "The job's salary bands, lowest first")
    List<SalaryBands.Band> bands(Actor actor, @PathVariable UUID jobId) {
        return bands.bands(actor.organizationId(), new JobId(jobId));
    }

    @PutMapping("/api/v1/jobs/{jobId}/salary-bands/{level}")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "setSalaryBand", summary = "Set the salary band of one level of a job",
            description = "minKrw and maxKrw: yearly base salary in KRW, from 1,000,000 to 5,000,000,000, max at "
                    + "least min. An offer version whose base salary is outside its level's band, or whose level has "
                    + "no band, needs an approver's yes before it can be sent.")
    SalaryBands.Band setBand(Actor actor, @PathVariable UUID jobId, @PathVariable String level,
            @RequestBody BandRequest request) {
        return bands.set(actor, new JobId(jobId), level, request.minKrw(), request.maxKrw());
    }

    @DeleteMapping("/api/v1/jobs/{jobId}/salary-bands/{level}")
    @PreAuthorize(Role.RECRUITING)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeSalaryBand", summary = "Remove the salary band of one level of a job")
    void removeBand(Actor actor, @PathVariable UUID jobId, @PathVariable String level) {
        bands.remove(actor, new JobId(jobId), level);
    }

    /** Who approves offers. */
    record ApproversRequest(List<UUID> userIds) {
    }

    /** An approver as listed. */
    record ApproverResponse(UUID userId, String name, String email) {

        static ApproverResponse of(StaffUserView user) {
            return new ApproverResponse(user.id(), user.displayName(), user.email());
        }
    }

    @GetMapping("/api/v1/offer-approvers")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "listOfferApprovers", summary = "Who approves offers (empty: the admins)")
    List<ApproverResponse> approvers(Actor actor) {
        return bands.approvers(actor.organizationId()).stream().map(ApproverResponse::of).toList();
    }

    @PutMapping("/api/v1/offer-approvers")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "setOfferApprovers", summary = "Choose who approves offers",
            description = "Each an enabled admin, recruiter or hiring manager (400 names the others); an empty list "
                    + "leaves approval to the admins. Nobody approves a version they proposed.")
    List<ApproverResponse> setApprovers(Actor actor, @RequestBody ApproversRequest request) {
        return bands.setApprovers(actor, request.userIds()).stream().map(ApproverResponse::of).toList();
    }

    @GetMapping("/api/v1/offers")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "listOffers", summary = "The organization's offers, newest first (at most 500)",
            description = "status: OPEN, ACCEPTED, DECLINED, WITHDRAWN or EXPIRED (all when absent). A declined "
                    + "offer carries its declineReason (COMPENSATION, START_DATE, OTHER_OFFER, LOCATION, OTHER) and "
                    + "the candidate's words.")
    List<Offer.Summary> list(Actor actor, @RequestParam(required = false) String status) {
        OfferStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = EnumNames.parse(OfferStatus.class, status);
            if (wanted == null) {
                throw new InvalidInputException("status", "validation.oneOf",
                        "OPEN, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED");
            }
        }
        return offers.list(actor, wanted);
    }

    @PostMapping("/api/v1/applications/{applicationId}/offers")
    @PreAuthorize(Role.DECIDING)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createOffer", summary = "Make an offer: version 1 as a draft",
            description = "For an active application in an OFFER stage right before HIRED. Terms: level, title "
                    + "(default: the job's), baseSalaryKrw (a year), signOnBonusKrw, bonusTargetPercent (of base), "
                    + "stockOptions with vesting, startDate (not past), workLocation (default: the job's first), "
                    + "otherTerms, expiresOn (after today); message. The version's approval says whether it must be "
                    + "approved before sending (outside the level's band, or no band). 409 while an offer is in play.")
    Offer create(Actor actor, @PathVariable UUID applicationId, @RequestBody Offers.Draft draft) {
        return offers.create(actor, applicationId, draft);
    }

    @GetMapping("/api/v1/offers/{offerId}")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "getOffer", summary = "An offer with all its versions, their diffs and messages",
            description = "versions is the thread in order: the company's versions (proposedBy COMPANY, numbered "
                    + "1, 2, 3…) and the candidate's counter-proposals (proposedBy CANDIDATE, with the number of the "
                    + "version they answer). Each has its terms, changes (field, before, after) against the entry "
                    + "before it (a counter-proposal: against the version it answers), its message, approval and "
                    + "sending; events list what happened, oldest first.")
    Offer get(Actor actor, @PathVariable UUID offerId) {
        return offers.offer(actor, offerId);
    }

    @GetMapping("/api/v1/applications/{applicationId}/offers")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "listApplicationOffers", summary = "The application's offers, newest first")
    List<Offer> ofApplication(Actor actor, @PathVariable UUID applicationId) {
        return offers.ofApplication(actor, applicationId);
    }

    @PostMapping("/api/v1/offers/{offerId}/versions")
    @PreAuthorize(Role.DECIDING)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "proposeOfferVersion", summary = "Propose the company's next version",
            description = "Terms as in createOffer; each one not given is the latest version's. A version outside "
                    + "the band, or changing the compensation of an approved version, waits for approval; the "
                    + "approvers are emailed. 409 once the offer has ended.")
    Offer propose(Actor actor, @PathVariable UUID offerId, @RequestBody Offers.Draft draft) {
        return offers.propose(actor, offerId, draft);
    }

    /** An approver's answer: APPROVE or REJECT, and a note (needed to reject). */
    record ApprovalRequest(String decision, String note) {
    }

    @PostMapping("/api/v1/offers/{offerId}/versions/{number}/approval")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "approveOfferVersion", summary = "Approve or reject a version waiting for approval",
            description = "decision: APPROVE or REJECT (with a note). Only the organization's approvers (with none "
                    + "chosen, its admins), and never the one who proposed the version (409); 409 too for a version "
                    + "that is not the latest waiting one.")
    Offer approve(Actor actor, @PathVariable UUID offerId, @PathVariable int number,
            @RequestBody ApprovalRequest request) {
        Boolean approve = request.decision() == null ? null
                : switch (request.decision().strip().toUpperCase(java.util.Locale.ROOT)) {
                    case "APPROVE" -> Boolean.TRUE;
                    case "REJECT" -> Boolean.FALSE;
                    default -> null;
                };
        return offers.decide(actor, offerId, number, approve, request.note());
    }

    @PostMapping("/api/v1/offers/{offerId}/send")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "sendOffer", summary = "Send the latest version to the candidate with its PDF letter",
            description = "409 for a version waiting for approval or rejected, a candidate's counter-proposal (answer "
                    + "it with a new version), a version sent already, or an ended offer; 400 for a start date or "
                    + "expiry day passed by now. The letter is in the candidate's language.")
    Offer send(Actor actor, @PathVariable UUID offerId) {
        return offers.send(actor, offerId);
    }

    /** Why the offer is withdrawn. */
    record WithdrawRequest(String reason) {
    }

    @PostMapping("/api/v1/offers/{offerId}/withdraw")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "withdrawOffer", summary = "Withdraw an offer in play",
            description = "reason is required and kept; the candidate, if anything was sent, is told it is "
                    + "withdrawn. The application stays where it is.")
    Offer withdraw(Actor actor, @PathVariable UUID offerId, @RequestBody WithdrawRequest request) {
        return offers.withdraw(actor, offerId, request.reason());
    }

    /** The new last day to answer. */
    record ExtendRequest(LocalDate expiresOn) {
    }

    @PostMapping("/api/v1/offers/{offerId}/extend")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "extendOffer", summary = "Give the candidate longer to answer (an expired offer too)",
            description = "expiresOn: a day after today; the offer holds to the end of it in the organization's "
                    + "time zone. The candidate is told.")
    Offer extend(Actor actor, @PathVariable UUID offerId, @RequestBody ExtendRequest request) {
        return offers.extend(actor, offerId, request.expiresOn());
    }

    // no "produces": a caller who may not read it is refused (403) whatever it accepts, before any content is chosen
    @GetMapping("/api/v1/offers/{offerId}/versions/{number}/letter")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "getOfferLetter", summary = "A sent version's PDF letter, as the candidate got it",
            description = "404 for a version never sent.", responses = @ApiResponse(responseCode = "200",
                    content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE)))
    ResponseEntity<byte[]> letter(Actor actor, @PathVariable UUID offerId, @PathVariable int number) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"offer-v" + number + ".pdf\"")
                .body(offers.letter(actor, offerId, number));
    }

    /** An organization's letter wording of one language. */
    record WordingRequest(String beforeTerms, String afterTerms) {
    }

    @GetMapping("/api/v1/offer-letter-templates/{language}")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "getOfferLetterTemplate", summary = "The letter's wording in ko or en",
            description = "The text before the terms table and after it, with {{variables}}: "
                    + "candidateName, jobTitle, organizationName, startDate, expiryDate. own: false while it is "
                    + "Hireflow's.")
    OfferLetters.Wording wording(Actor actor, @PathVariable String language) {
        return letters.wording(actor.organizationId(), language);
    }

    @PutMapping("/api/v1/offer-letter-templates/{language}")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "setOfferLetterTemplate", summary = "Change the letter's wording in ko or en",
            description = "400 for a part blank or over 4,000 characters, or an unknown variable.")
    OfferLetters.Wording setWording(Actor actor, @PathVariable String language, @RequestBody WordingRequest request) {
        return letters.save(actor, language, request.beforeTerms(), request.afterTerms());
    }

    /** Counts of decline reasons, for reports. */
    @GetMapping("/api/v1/offers/decline-reasons")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "countOfferDeclineReasons", summary = "How many declined offers give each reason")
    Map<DeclineReason, Long> declineReasons(Actor actor) {
        return offers.declineReasons(actor.organizationId());
    }
}
