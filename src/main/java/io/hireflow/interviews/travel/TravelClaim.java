package io.hireflow.interviews.travel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A candidate's travel claim for one in-person interview: its trips and receipts, where it stands, and who decided
 * what. {@code bank} shows the bank details as staff may see them (the holder, the bank and the account number's last
 * four digits), and is null once the claim is paid, when they are deleted. {@code overCap} says whether a trip costs
 * more than the cap per trip that held when the claim came in; approving it then needs an explicit override.
 */
public record TravelClaim(UUID id, UUID interviewId, UUID applicationId, UUID candidateId, String candidateName,
        String interviewTitle, Instant interviewAt, ClaimStatus status, long totalKrw, int capPerTripKrw,
        boolean overCap, List<Trip> trips, List<Receipt> receipts, Bank bank, Instant submittedAt,
        Instant decidedAt, String decidedBy, String rejectReason, String overrideNote, LocalDate paidOn,
        String paidBy, long version) {

    /** One way of the journey: the day, from where to where, how, and what it cost in KRW. */
    public record Trip(LocalDate date, String from, String to, TravelMode mode, int amountKrw, boolean overCap) {
    }

    /** A receipt: a PDF kept as the candidate's document, downloaded through the documents route. */
    public record Receipt(UUID documentId, String name, int sizeBytes) {
    }

    /** The bank details as shown: never the whole account number. */
    public record Bank(String accountHolder, String bankName, String accountLast4) {

        public String maskedAccount() {
            return "••••" + accountLast4;
        }
    }

    /** One line of the claims list. */
    public record Summary(UUID id, UUID applicationId, String candidateName, String interviewTitle,
            Instant interviewAt, ClaimStatus status, long totalKrw, boolean overCap, Instant submittedAt) {
    }
}
