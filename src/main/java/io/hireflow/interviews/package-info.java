/**
 * Interviews: scheduling an application's interviews with their panels (a time set by the recruiter, or picked by the
 * candidate from offered slots), refusing overlaps for any interviewer, and the iCalendar invites that go with each
 * change; each interview's kit (the résumé's technologies, suggested and panel questions, a shared quiz), the panel's
 * scorecards and the decision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interviews", allowedDependencies = {"shared",
        "identity", "jobs", "pipeline", "notifications"})
package io.hireflow.interviews;
