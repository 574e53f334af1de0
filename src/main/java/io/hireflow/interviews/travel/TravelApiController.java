package io.hireflow.interviews.travel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.hireflow.shared.Actor;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Travel support", description = "Travel to in-person interviews: the policy, and candidates' claims")
class TravelApiController {

    private final TravelPolicies policies;
    private final TravelClaims claims;

    TravelApiController(TravelPolicies policies, TravelClaims claims) {
        this.policies = policies;
        this.claims = claims;
    }

    @GetMapping("/api/v1/travel-policy")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "getTravelPolicy", summary = "The organization's travel policy",
            description = "metroRegions: a candidate whose region starts with one of them is not eligible; modes: "
                    + "TRAIN (KTX/SRT), BUS (intercity), FLIGHT; capPerTripKrw; receiptsRequired. Until an admin "
                    + "saves one: 서울, 경기, 인천; TRAIN and BUS; 150,000 KRW; receipts required.")
    TravelPolicy get(Actor actor) {
        return policies.policy(actor.organizationId());
    }

    @PutMapping("/api/v1/travel-policy")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "updateTravelPolicy", summary = "Change the organization's travel policy",
            description = "Every field is required, with the version read (0 before the first save). 400 names "
                    + "each problem (no mode or an unknown one, a cap outside 1,000 to 2,000,000 KRW); 409 for a "
                    + "stale version. Claims already in keep the cap they came in with.")
    TravelPolicy update(Actor actor, @RequestBody TravelPolicies.Draft draft) {
        return policies.update(actor, draft);
    }

    @GetMapping("/api/v1/travel-claims")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "listTravelClaims", summary = "The organization's travel claims, newest first",
            description = "status: SUBMITTED, APPROVED, REJECTED or PAID (all when absent); at most 500.")
    List<TravelClaim.Summary> list(Actor actor, @RequestParam(required = false) String status) {
        ClaimStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = EnumNames.parse(ClaimStatus.class, status);
            if (wanted == null) {
                throw new InvalidInputException("status", "validation.oneOf", "SUBMITTED, APPROVED, REJECTED, PAID");
            }
        }
        return claims.list(actor, wanted);
    }

    @GetMapping("/api/v1/travel-claims/{claimId}")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "getTravelClaim", summary = "A travel claim with its trips and receipts",
            description = "bank shows the account holder, the bank and the account number's last four digits, "
                    + "never the whole number; it is absent once the claim is paid (the details are deleted). "
                    + "Receipts download at /candidates/{candidateId}/documents/{documentId}.")
    TravelClaim get(Actor actor, @PathVariable UUID claimId) {
        return claims.claim(actor, claimId);
    }

    @PostMapping("/api/v1/travel-claims/{claimId}/decision")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "decideTravelClaim", summary = "Approve or reject a submitted travel claim",
            description = "decision: APPROVE or REJECT (reject needs reason, which the candidate is told). A claim "
                    + "with a trip over the cap is approved only with override: true and an overrideNote; without "
                    + "them it is refused (409) naming the trips. 409 also for a claim decided already or a stale "
                    + "version. The candidate is emailed.")
    TravelClaim decide(Actor actor, @PathVariable UUID claimId, @RequestBody TravelClaims.Decision decision) {
        return claims.decide(actor, claimId, decision);
    }

    @GetMapping("/api/v1/travel-claims/{claimId}/bank-details")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "getTravelClaimBankDetails", summary = "The whole bank details, to pay an approved claim",
            description = "Admins only, for an APPROVED claim (409 otherwise: a paid claim's details are deleted); "
                    + "every read is recorded in the access log. Everywhere else only the last four digits show.")
    TravelClaims.PaymentDetails bankDetails(Actor actor, @PathVariable UUID claimId) {
        return claims.paymentDetails(actor, claimId);
    }

    /** The day it was paid, and the version read. */
    record PaymentRequest(LocalDate paidOn, Long version) {
    }

    @PostMapping("/api/v1/travel-claims/{claimId}/payment")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "markTravelClaimPaid", summary = "Mark an approved travel claim paid",
            description = "paidOn is the day (not in the future). Deletes the claim's bank details; the candidate "
                    + "is emailed. 409 for a claim not approved or a stale version.")
    TravelClaim pay(Actor actor, @PathVariable UUID claimId, @RequestBody PaymentRequest request) {
        return claims.markPaid(actor, claimId, request.paidOn(), request.version());
    }
}
