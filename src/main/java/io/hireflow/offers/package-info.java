/**
 * Offers and their negotiation: each job's salary bands per level and the organization's approvers; an offer as a
 * thread of versions (the company proposes, the candidate accepts, declines with a reason or counters on any term,
 * the company answers with a new version), each with what changed from the one before; approval of a version outside
 * the band or changing approved compensation before it can be sent; the PDF letter of each sent version in the
 * candidate's language; expiry and its extension; acceptance as the hire, a decline with its reason, a withdrawal.
 * Compensation is seen by admins, recruiters and hiring managers only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offers", allowedDependencies = {"shared", "identity",
        "jobs", "candidates", "pipeline", "notifications"})
package io.hireflow.offers;
