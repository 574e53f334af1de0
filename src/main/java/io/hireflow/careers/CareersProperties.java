package io.hireflow.careers;

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
 */
@ConfigurationProperties("hireflow.careers")
public record CareersProperties(
        @DefaultValue("30") int appliesPerAddressPerHour,
        @DefaultValue("10") int appliesPerEmailPerDay,
        @DefaultValue("180") int documentClaimDays,
        @DefaultValue("12") int talentPoolMonths) {
}
