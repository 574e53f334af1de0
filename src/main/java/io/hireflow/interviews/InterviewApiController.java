package io.hireflow.interviews;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.hireflow.shared.Actor;
import io.hireflow.shared.PublicAddress;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Interviews", description = "Interviews of applications in INTERVIEW stages, with their panels")
class InterviewApiController {

    private final Interviews interviews;
    private final RemoteExceptions remote;
    private final PublicAddress publicAddress;

    InterviewApiController(Interviews interviews, RemoteExceptions remote, PublicAddress publicAddress) {
        this.interviews = interviews;
        this.remote = remote;
        this.publicAddress = publicAddress;
    }

    /** An interview as written. */
    record ScheduleRequest(String title, String kind, Integer durationMinutes, String format, String location,
            String videoLink, Instant startsAt, List<Instant> slots, List<Interviews.PanelDraft> panel) {
    }

    @PostMapping("/api/v1/applications/{applicationId}/interviews")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "scheduleInterview", summary = "Schedule an interview, or offer the candidate slots",
            description = "For an application active in an INTERVIEW stage. kind is TECHNICAL, CULTURE_FIT or OTHER; "
                    + "format is IN_PERSON (the default; needs location), VIDEO (needs an https videoLink) or PHONE; "
                    + "durationMinutes 10 to 480; panel is 1 to 10 members of staff, each with their role on the "
                    + "panel. Give startsAt, or 1 to 10 slots for the candidate to pick one from in the portal (first "
                    + "come, first served: a slot the panel has been taken at since disappears). Times in the past "
                    + "are refused (400); a time when one of the panel has another interview is refused with who and "
                    + "when (409).")
    ResponseEntity<Interview> schedule(Actor actor, @PathVariable UUID applicationId,
            @RequestBody ScheduleRequest request) {
        Interview interview = interviews.schedule(actor, applicationId, new Interviews.Draft(request.title(),
                request.kind(), request.durationMinutes(), request.format(), request.location(), request.videoLink(),
                request.startsAt(), request.slots(), request.panel()), publicAddress.of(""));
        return ResponseEntity.created(URI.create("/api/v1/interviews/" + interview.id())).body(interview);
    }

    @GetMapping("/api/v1/applications/{applicationId}/interviews")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "listInterviews", summary = "An application's interviews, soonest first")
    List<Interview> list(Actor actor, @PathVariable UUID applicationId) {
        return interviews.ofApplication(actor.organizationId(), applicationId);
    }

    @GetMapping("/api/v1/interviews/{interviewId}")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getInterview", summary = "An interview with its panel, format, place, time and sequence",
            description = "sequence is the iCalendar SEQUENCE of its latest invites; status is OFFERED (slots wait "
                    + "for the candidate), SCHEDULED or CANCELLED.")
    Interview get(Actor actor, @PathVariable UUID interviewId) {
        return interviews.interview(actor.organizationId(), interviewId);
    }

    /** The new time, and the version read. */
    record RescheduleRequest(Instant startsAt, Long version) {
    }

    @PutMapping("/api/v1/interviews/{interviewId}/time")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "rescheduleInterview", summary = "Move a scheduled interview to another time",
            description = "Raises its sequence. 400 for a time in the past; 409 for a time one of the panel is "
                    + "taken, an interview not scheduled, or a stale version.")
    Interview reschedule(Actor actor, @PathVariable UUID interviewId, @RequestBody RescheduleRequest request) {
        return interviews.reschedule(actor, interviewId, request.startsAt(), request.version(),
                publicAddress.of(""));
    }

    /** Why it is called off, and the version read. */
    record CancelRequest(String reason, Long version) {
    }

    @PostMapping("/api/v1/interviews/{interviewId}/cancellation")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "cancelInterview", summary = "Call an interview off, with a reason",
            description = "Raises its sequence and frees the panel's time. 409 when it was cancelled already or "
                    + "for a stale version.")
    Interview cancel(Actor actor, @PathVariable UUID interviewId, @RequestBody CancelRequest request) {
        return interviews.cancel(actor, interviewId, request.reason(), request.version(), publicAddress.of(""));
    }

    @GetMapping("/api/v1/interview-policy")
    @PreAuthorize(Role.STAFF)
    @Operation(operationId = "getInterviewPolicy", summary = "Which kinds of interview may be held remotely",
            description = "Interviews are held in person unless their kind is in remoteKinds (none by default).")
    RemoteExceptions.Policy policy(Actor actor) {
        return remote.policy(actor.organizationId());
    }

    /** The kinds that may be remote. */
    record PolicyRequest(List<String> remoteKinds) {
    }

    @PutMapping("/api/v1/interview-policy")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "updateInterviewPolicy", summary = "Set which kinds of interview may be held remotely",
            description = "remoteKinds among TECHNICAL, CULTURE_FIT and OTHER; scheduling any other kind by video "
                    + "or phone is refused (409), and a candidate may ask for an exception instead.")
    RemoteExceptions.Policy updatePolicy(Actor actor, @RequestBody PolicyRequest request) {
        return remote.updatePolicy(actor, request == null ? List.of() : request.remoteKinds());
    }

    @GetMapping("/api/v1/remote-exceptions")
    @PreAuthorize(Role.DECIDING)
    @Operation(operationId = "listRemoteExceptions", summary = "Candidates' requests for remote interviews",
            description = "Waiting ones first, then the newest (at most 200); status filters to PENDING, APPROVED or "
                    + "DECLINED.")
    List<RemoteExceptions.RemoteException> remoteExceptions(Actor actor,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String status) {
        return remote.list(actor.organizationId(), status);
    }

    /** The answer: approve, a note (required to decline) and, to approve a video interview, its https link. */
    record DecisionRequest(Boolean approve, String note, String videoLink) {
    }

    @PostMapping("/api/v1/remote-exceptions/{remoteExceptionId}/decision")
    @PreAuthorize(Role.RECRUITING)
    @Operation(operationId = "decideRemoteException", summary = "Approve or decline a request for a remote interview",
            description = "Approving makes the interview a video (videoLink, https, required) or phone interview, "
                    + "raises its sequence and sends its invites again; declining needs a note. The candidate is "
                    + "told either way. 409 for a request answered already.")
    RemoteExceptions.RemoteException decide(Actor actor, @PathVariable UUID remoteExceptionId,
            @RequestBody DecisionRequest request) {
        return remote.decide(actor, remoteExceptionId, request.approve(), request.note(), request.videoLink(),
                publicAddress.of(""));
    }
}
