package io.hireflow.careers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The careers site's limits and the periods its notices promise.
 *
 * @param appliesPerAddressPerHour applications one network address may send in an hour
 * @param appliesPerEmailPerDay    applications one email may send in a day (to any job)
 * @param documentClaimDays        how long after the decision a candidate who was not hired may ask for their
 *                                 documents back, and how long they are kept for that (14 to 180 days, Fair Hiring
 *                                 Procedure Act Art. 11)
 * @param talentPoolMonths         how long a candidate who agrees is kept in the talent pool after the process
 * @param concurrentApplies        how many applications a node stores at once; the others wait their turn (first
 *                                 come, first served), so that a rush of candidates neither takes every database
 *                                 connection from the staff's pages nor slows every apply by sharing the cores
 * @param applyQueueWait           how long an application waits for its turn before the candidate is asked to send
 *                                 it again (503, with the form as they filled it)
 */
@ConfigurationProperties("hireflow.careers")
public record CareersProperties(
        @DefaultValue("30") int appliesPerAddressPerHour,
        @DefaultValue("10") int appliesPerEmailPerDay,
        @DefaultValue("180") int documentClaimDays,
        @DefaultValue("12") int talentPoolMonths,
        @DefaultValue("8") int concurrentApplies,
        @DefaultValue("20s") Duration applyQueueWait) {
}
