/**
 * Interviews: scheduling an application's interviews with their panels (a time set by the recruiter, or picked by the
 * candidate from offered slots), refusing overlaps for any interviewer, and the iCalendar invites that go with each
 * change; travel support for in-person interviews ({@code interviews.travel}: policy, claims with receipts kept as the
 * candidate's documents, approval and payment); each interview's kit (the résumé's technologies, suggested and panel
 * questions, a shared quiz), the panel's scorecards and the decision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interviews", allowedDependencies = {"shared",
        "identity", "jobs", "candidates", "pipeline", "notifications"})
package io.hireflow.interviews;
