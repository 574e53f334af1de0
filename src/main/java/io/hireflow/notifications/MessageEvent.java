package io.hireflow.notifications;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a message to a candidate is about. Each event has a template per language and the variables its template may
 * use; a template that names any other variable is refused when it is saved.
 */
public enum MessageEvent {
    APPLICATION_RECEIVED(),
    STAGE_PASSED("nextStageName"),
    STAGE_SKIPPED("nextStageName"),
    REJECTED(),
    ASSIGNMENT_RELEASED("assignmentTitle", "assignmentLink", "submissionDeadline"),
    ONLINE_TEST_INVITED("testTitle", "testLink", "testTimeLimit", "testOpensAt", "testClosesAt"),
    INTERVIEW_INVITED("interviewTitle", "interviewTime", "interviewFormat", "interviewLocation", "travelSupport"),
    /** The answer to the candidate's request for a remote interview. */
    REMOTE_ANSWERED("interviewTitle", "interviewTime", "decision", "decisionNote"),
    /** The day before an interview, to the candidate. */
    INTERVIEW_REMINDER("interviewTitle", "interviewTime", "interviewFormat", "interviewLocation"),
    /** Times offered for an interview, for the candidate to pick one in the portal. */
    INTERVIEW_SLOTS_OFFERED("interviewTitle", "interviewFormat", "interviewLocation", "interviewSlots", "portalLink"),
    INTERVIEW_UPDATED("interviewTitle", "interviewTime", "interviewFormat", "interviewLocation"),
    INTERVIEW_CANCELLED("interviewTitle", "interviewTime"),
    DELAY_NOTICE("newExpectedDate"),
    OFFER_SENT("offerExpiry"),
    OFFER_EXTENDED("offerExpiry"),
    OFFER_EXPIRED("offerExpiry"),
    OFFER_WITHDRAWN(),
    OFFER_ACCEPTED("startDate"),
    OFFER_DECLINED(),
    FREE_FORM(),
    /** To the recruiters of a job, not to a candidate: a promise to a candidate was missed. */
    PROMISE_MISSED("promise", "dueAt"),
    /** To an assignment's reviewers, not to a candidate: the candidate handed it in. */
    ASSIGNMENT_SUBMITTED("assignmentTitle", "submittedAt", "submissionDeadline", "applicationLink"),
    /** To an interview's panel, not to the candidate: the interview, with its invite and a link to its kit. */
    PANEL_INVITED("interviewTitle", "interviewTime", "interviewFormat", "interviewLocation", "panelRole", "kitLink"),
    /** To an interview's panel: it moved or changed, with the updated invite. */
    PANEL_UPDATED("interviewTitle", "interviewTime", "interviewFormat", "interviewLocation", "panelRole", "kitLink"),
    /** To the job's recruiters: a candidate asks for a remote interview. */
    REMOTE_REQUESTED("interviewTitle", "interviewTime", "requestedFormat", "requestReason"),
    /** To an interview's panel: the day before it. */
    PANEL_REMINDER("interviewTitle", "interviewTime", "interviewFormat", "interviewLocation", "panelRole", "kitLink"),
    /** To a panelist without a scorecard, a day after the interview: a reminder to submit it, with the kit's link. */
    SCORECARD_DUE("interviewTitle", "interviewTime", "panelRole", "kitLink"),
    /** To an interview's panel: it was called off, with the cancelling invite. */
    PANEL_CANCELLED("interviewTitle", "interviewTime", "cancelReason"),
    /** The candidate's travel claim for an in-person interview came in. */
    TRAVEL_CLAIM_SUBMITTED("interviewTitle", "claimTotal"),
    /** The candidate's travel claim was approved; payment follows. */
    TRAVEL_CLAIM_APPROVED("interviewTitle", "claimTotal"),
    /** The candidate's travel claim was rejected, with the reason. */
    TRAVEL_CLAIM_REJECTED("interviewTitle", "claimTotal", "rejectReason"),
    /** The candidate's travel claim was paid, on a date. */
    TRAVEL_CLAIM_PAID("interviewTitle", "claimTotal", "paidOn"),
    /** To the job's recruiters or the offer's approvers: what happened to an offer, and the link to it. */
    OFFER_ACTIVITY("offerActivity", "offerLink"),
    /** The platform's, not an organization's: a candidate's one-time link to the candidate portal. */
    PORTAL_SIGN_IN("signInLink", "validUntil");

    /** Every template may use these. */
    public static final List<String> COMMON_VARIABLES = List.of("candidateName", "jobTitle", "organizationName",
            "stageName", "decisionDue");

    private final List<String> own;

    MessageEvent(String... own) {
        this.own = List.of(own);
    }

    /** The variables this event's template may use, the common ones first. */
    public List<String> variables() {
        return Stream.concat(COMMON_VARIABLES.stream(), own.stream()).toList();
    }

    Set<String> allowed() {
        return Set.copyOf(variables());
    }

    /**
     * Whether staff may send a message of this event by hand (scheduleMessage). The others come from the decision or
     * the step they are about (a move, an assignment's release, an interview), which supplies their values.
     */
    public boolean sendableByHand() {
        return this == FREE_FORM || this == DELAY_NOTICE;
    }

    /**
     * Whether it goes to members of staff, not to the candidate the application is of: never shown to the candidate,
     * and not a promise to them.
     */
    public boolean toStaff() {
        return this == PROMISE_MISSED || this == ASSIGNMENT_SUBMITTED || this == PANEL_INVITED
                || this == PANEL_UPDATED || this == PANEL_CANCELLED || this == PANEL_REMINDER || this == REMOTE_REQUESTED
                || this == SCORECARD_DUE || this == OFFER_ACTIVITY;
    }

    /** The events that go to members of staff, by name: for queries that leave them out. */
    static String[] staffEvents() {
        return Stream.of(values()).filter(MessageEvent::toStaff).map(Enum::name).toArray(String[]::new);
    }

    /** Whether the platform sends it, with its shipped wording, for no organization (so no organization edits it). */
    public boolean platform() {
        return this == PORTAL_SIGN_IN;
    }
}
