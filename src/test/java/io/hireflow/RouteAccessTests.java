package io.hireflow;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.hireflow.TestOrganizations.Tenant;

/**
 * Every route of the application, and who may use it. The first test fails when a route is added without an entry
 * here; the second asks every route as every role (and as nobody) and checks the answer: 401 or the sign-in page for
 * nobody, 403 for a role that is not allowed, anything else for a role that is.
 */
class RouteAccessTests extends ApiTest {

    /** PORTAL: only a candidate signed into the portal; staff are refused there like anybody else. */
    enum Access { PUBLIC, SIGNED_IN, STAFF, RECRUITING, DECIDING, ADMIN, OPERATOR, PORTAL }

    enum Caller { ADMIN, RECRUITER, HIRING_MANAGER, INTERVIEWER, OPERATOR }

    private static final Map<Access, Set<Caller>> ALLOWED = Map.of(
            Access.PUBLIC, EnumSet.allOf(Caller.class),
            Access.SIGNED_IN, EnumSet.allOf(Caller.class),
            Access.STAFF, EnumSet.of(Caller.ADMIN, Caller.RECRUITER, Caller.HIRING_MANAGER, Caller.INTERVIEWER,
                    Caller.OPERATOR),
            Access.RECRUITING, EnumSet.of(Caller.ADMIN, Caller.RECRUITER, Caller.OPERATOR),
            Access.DECIDING, EnumSet.of(Caller.ADMIN, Caller.RECRUITER, Caller.HIRING_MANAGER, Caller.OPERATOR),
            Access.ADMIN, EnumSet.of(Caller.ADMIN, Caller.OPERATOR),
            Access.OPERATOR, EnumSet.of(Caller.OPERATOR),
            Access.PORTAL, EnumSet.noneOf(Caller.class));

    static final Map<String, Access> ROUTES = Map.ofEntries(
            // API
            entry("POST /api/v1/tokens", Access.SIGNED_IN),
            entry("GET /api/v1/tokens", Access.SIGNED_IN),
            entry("DELETE /api/v1/tokens/{tokenId}", Access.SIGNED_IN),
            entry("POST /api/v1/organizations", Access.OPERATOR),
            entry("GET /api/v1/organizations", Access.OPERATOR),
            entry("POST /api/v1/users", Access.ADMIN),
            entry("GET /api/v1/users", Access.ADMIN),
            entry("PATCH /api/v1/users/{userId}", Access.ADMIN),
            entry("POST /api/v1/jobs", Access.RECRUITING),
            entry("GET /api/v1/jobs", Access.STAFF),
            entry("GET /api/v1/jobs/{jobId}", Access.STAFF),
            entry("PUT /api/v1/jobs/{jobId}", Access.RECRUITING),
            entry("PUT /api/v1/jobs/{jobId}/pipeline", Access.RECRUITING),
            entry("PUT /api/v1/jobs/{jobId}/team", Access.RECRUITING),
            entry("PUT /api/v1/jobs/{jobId}/posting", Access.RECRUITING),
            entry("GET /api/v1/jobs/{jobId}/questions", Access.STAFF),
            entry("PUT /api/v1/jobs/{jobId}/questions", Access.RECRUITING),
            entry("POST /api/v1/jobs/{jobId}/publish", Access.RECRUITING),
            entry("POST /api/v1/jobs/{jobId}/unpublish", Access.RECRUITING),
            entry("GET /api/v1/jobs/{jobId}/board", Access.STAFF),
            entry("GET /api/v1/jobs/{jobId}/board/{stageId}", Access.STAFF),
            entry("GET /api/v1/candidates", Access.STAFF),
            entry("GET /api/v1/candidates/{candidateId}", Access.STAFF),
            entry("PUT /api/v1/candidates/{candidateId}", Access.RECRUITING),
            entry("POST /api/v1/applications", Access.RECRUITING),
            entry("GET /api/v1/applications", Access.STAFF),
            entry("GET /api/v1/applications/{applicationId}", Access.STAFF),
            entry("POST /api/v1/applications/{applicationId}/transitions", Access.DECIDING),
            entry("POST /api/v1/applications/bulk-transitions", Access.DECIDING),
            entry("GET /api/v1/rejection-reasons", Access.STAFF),
            entry("GET /api/v1/messages", Access.STAFF),
            entry("GET /api/v1/messages/{messageId}", Access.STAFF),
            entry("POST /api/v1/messages", Access.DECIDING),
            entry("DELETE /api/v1/messages/{messageId}", Access.DECIDING),
            entry("PUT /api/v1/messages/{messageId}/schedule", Access.DECIDING),
            entry("POST /api/v1/messages/{messageId}/retry", Access.ADMIN),
            entry("GET /api/v1/message-templates", Access.STAFF),
            entry("GET /api/v1/promises", Access.STAFF),
            entry("GET /api/v1/promises/overdue", Access.STAFF),
            entry("GET /api/v1/notification-settings", Access.STAFF),
            entry("PUT /api/v1/notification-settings", Access.ADMIN),
            entry("POST /api/v1/announcements", Access.DECIDING),
            entry("POST /api/v1/announcements/preview", Access.DECIDING),
            entry("GET /api/v1/announcements/{announcementId}", Access.STAFF),
            entry("GET /api/v1/jobs/{jobId}/notice-defaults", Access.STAFF),
            entry("PUT /api/v1/jobs/{jobId}/notice-defaults", Access.RECRUITING),
            entry("PUT /api/v1/message-templates/{event}/{language}", Access.ADMIN),
            entry("DELETE /api/v1/message-templates/{event}/{language}", Access.ADMIN),
            // pages
            entry("GET /login", Access.PUBLIC),
            entry("GET /", Access.SIGNED_IN),
            entry("GET /jobs", Access.STAFF),
            entry("GET /jobs/new", Access.RECRUITING),
            entry("POST /jobs/new", Access.RECRUITING),
            entry("GET /jobs/{jobId}/edit", Access.RECRUITING),
            entry("POST /jobs/{jobId}/edit", Access.RECRUITING),
            entry("GET /jobs/{jobId}/pipeline", Access.RECRUITING),
            entry("POST /jobs/{jobId}/pipeline", Access.RECRUITING),
            entry("GET /jobs/{jobId}/posting", Access.RECRUITING),
            entry("POST /jobs/{jobId}/posting", Access.RECRUITING),
            entry("GET /jobs/{jobId}/questions", Access.RECRUITING),
            entry("POST /jobs/{jobId}/questions", Access.RECRUITING),
            entry("POST /jobs/{jobId}/publish", Access.RECRUITING),
            entry("POST /jobs/{jobId}/unpublish", Access.RECRUITING),
            entry("POST /api/v1/questions", Access.DECIDING),
            entry("GET /api/v1/questions", Access.STAFF),
            entry("GET /api/v1/questions/{questionId}", Access.STAFF),
            entry("POST /api/v1/questions/import", Access.DECIDING),
            entry("GET /api/v1/questions/export", Access.DECIDING),
            entry("POST /api/v1/jobs/{jobId}/assignment-templates", Access.RECRUITING),
            entry("GET /api/v1/jobs/{jobId}/assignment-templates", Access.STAFF),
            entry("PUT /api/v1/assignment-templates/{assignmentTemplateId}", Access.RECRUITING),
            entry("POST /api/v1/applications/{applicationId}/assignment", Access.RECRUITING),
            entry("GET /api/v1/applications/{applicationId}/assignment", Access.STAFF),
            entry("POST /api/v1/applications/{applicationId}/interviews", Access.RECRUITING),
            entry("GET /api/v1/applications/{applicationId}/interviews", Access.STAFF),
            entry("GET /api/v1/interviews/{interviewId}", Access.STAFF),
            entry("PUT /api/v1/interviews/{interviewId}/time", Access.RECRUITING),
            entry("POST /api/v1/interviews/{interviewId}/cancellation", Access.RECRUITING),
            entry("GET /api/v1/interview-policy", Access.STAFF),
            entry("PUT /api/v1/interview-policy", Access.ADMIN),
            entry("GET /api/v1/remote-exceptions", Access.DECIDING),
            entry("POST /api/v1/remote-exceptions/{remoteExceptionId}/decision", Access.RECRUITING),
            entry("GET /interviews", Access.STAFF),
            entry("GET /applications/{applicationId}/interviews", Access.STAFF),
            entry("POST /applications/{applicationId}/interviews", Access.RECRUITING),
            entry("POST /interviews/{interviewId}/time", Access.RECRUITING),
            entry("POST /interviews/{interviewId}/cancellation", Access.RECRUITING),
            entry("POST /interviews/policy", Access.ADMIN),
            entry("POST /remote-exceptions/{remoteExceptionId}/decision", Access.RECRUITING),
            entry("POST /portal/interviews/{interviewId}/remote", Access.PUBLIC),
            entry("GET /api/v1/jobs/{jobId}/salary-bands", Access.DECIDING),
            entry("PUT /api/v1/jobs/{jobId}/salary-bands/{level}", Access.RECRUITING),
            entry("DELETE /api/v1/jobs/{jobId}/salary-bands/{level}", Access.RECRUITING),
            entry("GET /api/v1/offer-approvers", Access.DECIDING),
            entry("PUT /api/v1/offer-approvers", Access.ADMIN),
            entry("GET /api/v1/offers", Access.DECIDING),
            entry("GET /api/v1/offers/decline-reasons", Access.DECIDING),
            entry("POST /api/v1/applications/{applicationId}/offers", Access.DECIDING),
            entry("GET /api/v1/applications/{applicationId}/offers", Access.DECIDING),
            entry("GET /api/v1/offers/{offerId}", Access.DECIDING),
            entry("POST /api/v1/offers/{offerId}/versions", Access.DECIDING),
            entry("POST /api/v1/offers/{offerId}/versions/{number}/approval", Access.DECIDING),
            entry("POST /api/v1/offers/{offerId}/send", Access.DECIDING),
            entry("POST /api/v1/offers/{offerId}/withdraw", Access.DECIDING),
            entry("POST /api/v1/offers/{offerId}/extend", Access.DECIDING),
            entry("GET /api/v1/offers/{offerId}/versions/{number}/letter", Access.DECIDING),
            entry("GET /api/v1/offer-letter-templates/{language}", Access.DECIDING),
            entry("PUT /api/v1/offer-letter-templates/{language}", Access.ADMIN),
            entry("GET /api/v1/travel-policy", Access.RECRUITING),
            entry("PUT /api/v1/travel-policy", Access.ADMIN),
            entry("GET /api/v1/travel-claims", Access.RECRUITING),
            entry("GET /api/v1/travel-claims/{claimId}", Access.RECRUITING),
            entry("POST /api/v1/travel-claims/{claimId}/decision", Access.RECRUITING),
            entry("POST /api/v1/travel-claims/{claimId}/payment", Access.RECRUITING),
            entry("GET /api/v1/travel-claims/{claimId}/bank-details", Access.ADMIN),
            entry("GET /applications/{applicationId}/offer", Access.DECIDING),
            entry("POST /applications/{applicationId}/offers", Access.DECIDING),
            entry("GET /applications/{applicationId}/offer-panel", Access.STAFF),
            entry("GET /offers", Access.DECIDING),
            entry("GET /offers/{offerId}", Access.DECIDING),
            entry("POST /offers/{offerId}/versions", Access.DECIDING),
            entry("POST /offers/{offerId}/versions/{number}/approval", Access.DECIDING),
            entry("POST /offers/{offerId}/send", Access.DECIDING),
            entry("POST /offers/{offerId}/extend", Access.DECIDING),
            entry("POST /offers/{offerId}/withdraw", Access.DECIDING),
            entry("POST /offers/{offerId}/close-job", Access.RECRUITING),
            entry("GET /offers/{offerId}/versions/{number}/letter", Access.DECIDING),
            entry("GET /jobs/{jobId}/salary-bands", Access.DECIDING),
            entry("POST /jobs/{jobId}/salary-bands", Access.RECRUITING),
            entry("POST /jobs/{jobId}/salary-bands/remove", Access.RECRUITING),
            entry("GET /settings/offers", Access.ADMIN),
            entry("POST /settings/offers/approvers", Access.ADMIN),
            entry("POST /settings/offers/letter/{language}", Access.ADMIN),
            entry("GET /travel-claims", Access.RECRUITING),
            entry("GET /travel-claims/{claimId}", Access.RECRUITING),
            entry("POST /travel-claims/{claimId}/decision", Access.RECRUITING),
            entry("POST /travel-claims/{claimId}/payment", Access.RECRUITING),
            entry("GET /settings/travel", Access.ADMIN),
            entry("POST /settings/travel", Access.ADMIN),
            entry("POST /portal/interviews/{interviewId}/travel-claim", Access.PUBLIC),
            entry("GET /api/v1/jobs/{jobId}/interview-kit-templates", Access.STAFF),
            entry("PUT /api/v1/jobs/{jobId}/interview-kit-templates/{stageId}", Access.RECRUITING),
            entry("GET /api/v1/interviews/{interviewId}/kit", Access.STAFF),
            entry("POST /api/v1/interviews/{interviewId}/kit/questions", Access.STAFF),
            entry("PUT /api/v1/interviews/{interviewId}/kit/quiz/{quizQuestionId}/mark", Access.STAFF),
            entry("PUT /api/v1/interviews/{interviewId}/kit/notes", Access.STAFF),
            entry("POST /api/v1/interviews/{interviewId}/scorecards", Access.STAFF),
            entry("GET /api/v1/interviews/{interviewId}/scorecards", Access.STAFF),
            entry("POST /api/v1/interviews/{interviewId}/scorecards/reveal", Access.DECIDING),
            entry("POST /api/v1/interviews/{interviewId}/decision", Access.DECIDING),
            entry("GET /jobs/{jobId}/interview-kits", Access.STAFF),
            entry("POST /jobs/{jobId}/interview-kits", Access.RECRUITING),
            entry("GET /interviews/{interviewId}/kit", Access.STAFF),
            entry("POST /interviews/{interviewId}/kit/questions", Access.STAFF),
            entry("POST /interviews/{interviewId}/kit/marks", Access.STAFF),
            entry("POST /interviews/{interviewId}/kit/notes", Access.STAFF),
            entry("POST /interviews/{interviewId}/scorecard", Access.STAFF),
            entry("GET /interviews/{interviewId}/scorecards", Access.STAFF),
            entry("POST /interviews/{interviewId}/scorecards/reveal", Access.DECIDING),
            entry("POST /interviews/{interviewId}/decision", Access.DECIDING),
            entry("GET /applications/{applicationId}/interview-kits", Access.STAFF),
            entry("POST /api/v1/jobs/{jobId}/online-tests", Access.RECRUITING),
            entry("GET /api/v1/jobs/{jobId}/online-tests", Access.STAFF),
            entry("GET /api/v1/online-tests/{onlineTestId}", Access.STAFF),
            entry("POST /api/v1/online-tests/{onlineTestId}/invitations", Access.RECRUITING),
            entry("GET /api/v1/online-tests/{onlineTestId}/results", Access.STAFF),
            entry("GET /api/v1/online-tests/{onlineTestId}/sittings/{sittingId}", Access.STAFF),
            entry("PUT /api/v1/online-tests/{onlineTestId}/sittings/{sittingId}/essays/{position}", Access.STAFF),
            entry("POST /api/v1/online-tests/{onlineTestId}/pass-mark", Access.DECIDING),
            entry("POST /api/v1/applications/{applicationId}/assignment/scores", Access.STAFF),
            entry("GET /applications/{applicationId}/assignment", Access.STAFF),
            entry("POST /applications/{applicationId}/assignment/scores", Access.STAFF),
            entry("GET /questions", Access.STAFF),
            entry("POST /questions", Access.DECIDING),
            entry("POST /questions/import", Access.DECIDING),
            entry("GET /questions/export", Access.DECIDING),
            entry("GET /careers/{slug}", Access.PUBLIC),
            entry("GET /careers/{slug}/jobs/{jobId}", Access.PUBLIC),
            entry("GET /careers/{slug}/sitemap.xml", Access.PUBLIC),
            entry("GET /sitemap.xml", Access.PUBLIC),
            entry("GET /portal", Access.PUBLIC),
            entry("POST /portal/sign-in", Access.PUBLIC),
            entry("GET /portal/sign-in/{token}", Access.PUBLIC),
            entry("POST /portal/sign-in/{token}", Access.PUBLIC),
            entry("GET /portal/applications/{applicationId}/messages/{messageId}", Access.PUBLIC),
            entry("POST /portal/applications/{applicationId}/withdraw", Access.PUBLIC),
            entry("POST /portal/applications/{applicationId}/assignment", Access.PUBLIC),
            entry("GET /jobs/{jobId}/assignments", Access.STAFF),
            entry("POST /jobs/{jobId}/assignments", Access.RECRUITING),
            entry("POST /applications/{applicationId}/assignment/release", Access.RECRUITING),
            entry("GET /jobs/{jobId}/online-tests", Access.STAFF),
            entry("POST /jobs/{jobId}/online-tests", Access.RECRUITING),
            entry("GET /online-tests/{onlineTestId}", Access.STAFF),
            entry("POST /online-tests/{onlineTestId}/invitations", Access.RECRUITING),
            entry("POST /online-tests/{onlineTestId}/pass-mark", Access.DECIDING),
            entry("GET /online-tests/{onlineTestId}/sittings/{sittingId}", Access.STAFF),
            entry("POST /online-tests/{onlineTestId}/sittings/{sittingId}/essays/{position}", Access.STAFF),
            entry("GET /portal/tests/{sittingId}", Access.PUBLIC),
            entry("POST /portal/interviews/{interviewId}/slot", Access.PUBLIC),
            entry("POST /portal/tests/{sittingId}/start", Access.PUBLIC),
            entry("POST /portal/tests/{sittingId}/answers", Access.PORTAL),
            entry("POST /portal/tests/{sittingId}/submit", Access.PUBLIC),
            entry("GET /portal/applications/{applicationId}/documents/{documentId}", Access.PUBLIC),
            entry("POST /portal/sign-out", Access.PUBLIC),
            entry("POST /portal/contact", Access.PUBLIC),
            entry("POST /portal/requests", Access.PUBLIC),
            entry("GET /portal/export", Access.PUBLIC),
            entry("GET /portal/offers/{offerId}", Access.PUBLIC),
            entry("POST /portal/offers/{offerId}/accept", Access.PUBLIC),
            entry("POST /portal/offers/{offerId}/decline", Access.PUBLIC),
            entry("POST /portal/offers/{offerId}/counter", Access.PUBLIC),
            entry("GET /portal/offers/{offerId}/versions/{number}/letter", Access.PUBLIC),
            entry("GET /applications/{applicationId}/submitted", Access.STAFF),
            entry("GET /careers/{slug}/jobs/{jobId}/apply", Access.PUBLIC),
            entry("POST /careers/{slug}/jobs/{jobId}/apply", Access.PUBLIC),
            entry("GET /careers/{slug}/applied/{submission}", Access.PUBLIC),
            entry("GET /candidates/{candidateId}/documents/{documentId}", Access.STAFF),
            entry("GET /jobs/{jobId}/team", Access.RECRUITING),
            entry("POST /jobs/{jobId}/team", Access.RECRUITING),
            entry("GET /settings/pipeline-templates", Access.ADMIN),
            entry("GET /settings/pipeline-templates/new", Access.ADMIN),
            entry("POST /settings/pipeline-templates/new", Access.ADMIN),
            entry("GET /settings/pipeline-templates/{templateId}", Access.ADMIN),
            entry("POST /settings/pipeline-templates/{templateId}", Access.ADMIN),
            entry("POST /settings/pipeline-templates/{templateId}/default", Access.ADMIN),
            entry("POST /settings/pipeline-templates/{templateId}/delete", Access.ADMIN),
            entry("GET /jobs/{jobId}", Access.STAFF),
            entry("GET /jobs/{jobId}/board/{stageId}", Access.STAFF),
            entry("POST /jobs/{jobId}/board/move", Access.DECIDING),
            entry("POST /jobs/{jobId}/board/bulk", Access.DECIDING),
            entry("GET /jobs/{jobId}/applications/new", Access.RECRUITING),
            entry("POST /jobs/{jobId}/applications", Access.RECRUITING),
            entry("GET /applications/{applicationId}", Access.STAFF),
            entry("POST /applications/{applicationId}/transitions", Access.DECIDING),
            entry("GET /candidates", Access.STAFF),
            entry("GET /candidates/{candidateId}", Access.STAFF),
            entry("GET /candidates/{candidateId}/edit", Access.RECRUITING),
            entry("POST /candidates/{candidateId}", Access.RECRUITING),
            entry("POST /candidates/{candidateId}/applications", Access.RECRUITING),
            entry("GET /settings", Access.ADMIN),
            entry("GET /settings/organization", Access.ADMIN),
            entry("POST /settings/organization", Access.ADMIN),
            entry("GET /settings/users", Access.ADMIN),
            entry("POST /settings/users", Access.ADMIN),
            entry("POST /settings/users/{userId}/roles", Access.ADMIN),
            entry("POST /settings/users/{userId}/enabled", Access.ADMIN),
            entry("GET /account", Access.SIGNED_IN),
            entry("POST /account", Access.SIGNED_IN),
            entry("GET /account/tokens", Access.SIGNED_IN),
            entry("POST /account/tokens", Access.SIGNED_IN),
            entry("POST /account/tokens/{tokenId}/revoke", Access.SIGNED_IN),
            entry("GET /operator/organizations", Access.OPERATOR),
            entry("POST /operator/organizations", Access.OPERATOR),
            entry("GET /settings/rejection-reasons", Access.ADMIN),
            entry("POST /settings/rejection-reasons", Access.ADMIN),
            entry("POST /settings/rejection-reasons/{reasonId}", Access.ADMIN),
            entry("GET /jobs/{jobId}/notices", Access.STAFF),
            entry("GET /promises/panel", Access.STAFF),
            entry("GET /jobs/{jobId}/announcements/new", Access.DECIDING),
            entry("POST /jobs/{jobId}/announcements/preview", Access.DECIDING),
            entry("POST /jobs/{jobId}/announcements", Access.DECIDING),
            entry("GET /announcements/{announcementId}", Access.STAFF),
            entry("GET /announcements/{announcementId}/progress", Access.STAFF),
            entry("POST /settings/late-decisions", Access.ADMIN),
            entry("POST /jobs/{jobId}/notices", Access.RECRUITING),
            entry("GET /mailbox", Access.STAFF),
            entry("GET /mailbox/{messageId}", Access.STAFF),
            entry("POST /mailbox/{messageId}/cancel", Access.DECIDING),
            entry("POST /mailbox/{messageId}/reschedule", Access.DECIDING),
            entry("POST /mailbox/{messageId}/retry", Access.ADMIN),
            entry("GET /applications/{applicationId}/messages", Access.STAFF),
            entry("POST /applications/{applicationId}/messages", Access.DECIDING),
            entry("GET /settings/message-templates", Access.ADMIN),
            entry("GET /settings/message-templates/{event}/{language}", Access.ADMIN),
            entry("POST /settings/message-templates/{event}/{language}", Access.ADMIN),
            entry("POST /settings/message-templates/{event}/{language}/preview", Access.ADMIN),
            entry("POST /settings/message-templates/{event}/{language}/reset", Access.ADMIN));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRouteSaysWhoMayUseIt() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("io.hireflow")) {
                return;
            }
            for (var httpMethod : info.getMethodsCondition().getMethods()) {
                for (String pattern : info.getPatternValues()) {
                    routes.add(httpMethod.name() + " " + pattern);
                }
            }
        });
        assertThat(routes).as("routes of the application; add new ones to ROUTES with who may use them")
                .containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
    }

    @Test
    void everyRouteAnswersEveryRoleAsTheTableSays() {
        Tenant tenant = organizations.create();
        Map<Caller, String> emails = new EnumMap<>(Caller.class);
        emails.put(Caller.ADMIN, tenant.adminEmail());
        emails.put(Caller.RECRUITER, tenant.userEmail("RECRUITER"));
        emails.put(Caller.HIRING_MANAGER, tenant.userEmail("HIRING_MANAGER"));
        emails.put(Caller.INTERVIEWER, tenant.userEmail("INTERVIEWER"));
        emails.put(Caller.OPERATOR, TestOrganizations.OPERATOR_EMAIL);
        Map<String, String> ids = fixtures(tenant);

        List<String> wrong = new ArrayList<>();
        for (var route : ROUTES.entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            String path = fill(route.getKey().substring(method.length() + 1), ids);
            boolean api = path.startsWith("/api/");
            int anonymous = api ? ApiClient.anonymous(port).send(method, path, body(method)).status()
                    : new Page(new WebSession(port)).request(method, path);
            // the sign-in page for pages; a form post without a session has no CSRF token either (403), which on a
            // public form (no sign-in needed) is the CSRF check, not a refusal of nobody
            boolean anonymousRefused = api ? anonymous == 401 : anonymous == SIGN_IN_REDIRECT
                    || method.equals("POST") && anonymous == 403 && route.getValue() != Access.PUBLIC;
            if (route.getValue() == Access.PUBLIC ? anonymousRefused : !anonymousRefused) {
                wrong.add("nobody " + route.getKey() + " -> " + anonymous);
            }
            for (Caller caller : Caller.values()) {
                int status = api ? apiClient(caller, emails).send(method, path, body(method)).status()
                        : webSession(caller, emails).request(method, path);
                boolean allowed = ALLOWED.get(route.getValue()).contains(caller);
                boolean refused = status == 401 || status == 403;
                if (allowed == refused) {
                    wrong.add(caller + " " + route.getKey() + " -> " + status);
                }
            }
        }
        assertThat(wrong).as("answers that do not match the table").isEmpty();
    }

    private final Map<Caller, ApiClient> apiClients = new EnumMap<>(Caller.class);
    private final Map<Caller, Page> sessions = new EnumMap<>(Caller.class);

    private ApiClient apiClient(Caller caller, Map<Caller, String> emails) {
        return apiClients.computeIfAbsent(caller, c -> organizations.signIn(emails.get(c),
                c == Caller.OPERATOR ? TestOrganizations.OPERATOR_PASSWORD : TestOrganizations.PASSWORD));
    }

    private Page webSession(Caller caller, Map<Caller, String> emails) {
        return sessions.computeIfAbsent(caller, c -> {
            WebSession session = new WebSession(port);
            session.signIn(emails.get(c), c == Caller.OPERATOR ? TestOrganizations.OPERATOR_PASSWORD
                    : TestOrganizations.PASSWORD);
            session.get("/");
            return new Page(session);
        });
    }

    private static String body(String method) {
        return method.equals("GET") || method.equals("DELETE") ? null : "{}";
    }

    /** What a page answers with a redirect to the staff sign-in (other redirects answer their status, 302). */
    private static final int SIGN_IN_REDIRECT = -302;

    /** A session that asks a route and answers the status. */
    private record Page(WebSession session) {

        int request(String method, String path) {
            if (method.equals("POST") && path.startsWith("/careers/")) {
                // the careers site keeps no session: its form's CSRF token comes with the form's page
                session.get(path);
            }
            var response = method.equals("GET") ? session.get(path) : session.post(path, Map.of());
            boolean toSignIn = response.statusCode() == 302
                    && response.headers().firstValue("Location").orElse("").contains("/login");
            return toSignIn ? SIGN_IN_REDIRECT : response.statusCode();
        }
    }

    /** Records of the tenant for every path variable; the user and token are throwaway ones. */
    private Map<String, String> fixtures(Tenant tenant) {
        var job = tenant.admin().post("/api/v1/jobs", Map.of("title", "Routes", "employmentType", "FULL_TIME"));
        var application = tenant.admin().post("/api/v1/applications", Map.of("jobId", job.text("id"),
                "candidate", Map.of("name", "Route Candidate", "email", "route@example.com")));
        String throwaway = tenant.userEmail("INTERVIEWER");
        return Map.ofEntries(
                entry("jobId", job.text("id")),
                entry("stageId", job.json().path("stages").get(0).path("id").asString()),
                entry("applicationId", application.text("id")),
                entry("candidateId", application.text("candidateId")),
                entry("userId", jdbc.sql("select id from staff_user where email = ?").param(throwaway)
                        .query(UUID.class).single().toString()),
                entry("tokenId", UUID.randomUUID().toString()),
                entry("reasonId", jdbc.sql("select id from rejection_reason where organization_id = ? limit 1")
                        .param(UUID.fromString(tenant.id())).query(UUID.class).single().toString()),
                entry("templateId", jdbc.sql("select id from pipeline_template where organization_id = ? limit 1")
                        .param(UUID.fromString(tenant.id())).query(UUID.class).single().toString()),
                entry("messageId", jdbc.sql("select id from outbound_message where application_id = ?")
                        .param(UUID.fromString(application.text("id"))).query(UUID.class).single().toString()),
                entry("event", "FREE_FORM"),
                entry("announcementId", UUID.randomUUID().toString()),
                entry("language", "ko"),
                entry("slug", tenant.slug()),
                entry("submission", UUID.randomUUID().toString()),
                entry("documentId", UUID.randomUUID().toString()),
                entry("token", "not-a-real-token"),
                entry("assignmentTemplateId", UUID.randomUUID().toString()),
                entry("onlineTestId", UUID.randomUUID().toString()),
                entry("interviewId", UUID.randomUUID().toString()),
                entry("remoteExceptionId", UUID.randomUUID().toString()),
                entry("claimId", UUID.randomUUID().toString()),
                entry("quizQuestionId", UUID.randomUUID().toString()),
                entry("sittingId", UUID.randomUUID().toString()),
                entry("position", "1"),
                entry("offerId", UUID.randomUUID().toString()),
                entry("number", "1"),
                entry("level", "L4"),
                entry("questionId", jdbc.sql("select id from question where organization_id = ? limit 1")
                        .param(UUID.fromString(tenant.id())).query(UUID.class).single().toString()));
    }

    private static String fill(String pattern, Map<String, String> ids) {
        String path = pattern;
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(path).as("every path variable has a fixture").doesNotContain("{");
        return path + (path.contains("/board/") && !path.endsWith("/move") && !path.endsWith("/bulk")
                ? "?cursor=MTc5MzI2MTYwNy4wOjAxYTIxMjBkLThmNjQtNzAwMS04N2MxLTk2MDgyYWQ0Y2ZiMQ" : "");
    }
}
