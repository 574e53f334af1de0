package io.hireflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import tools.jackson.databind.JsonNode;

/** The published API description names every operation of the public contract. */
class OpenApiContractTests extends ApiTest {

    @Test
    void describesEveryOperationOfTheContract() {
        var docs = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        Set<String> operations = new HashSet<>();
        docs.json().path("paths").forEach(path -> path.forEach(operation ->
                operations.add(operation.path("operationId").asString())));
        assertThat(operations).contains("createOrganization", "createUser", "createJob", "getJob", "listJobs",
                "updateJobPipeline", "getPipelineBoard", "createApplication", "getApplication", "listApplications",
                "transitionApplication", "bulkTransitionApplications", "createApiToken", "listMessages",
                "scheduleMessage", "cancelMessage", "startAnnouncement", "getAnnouncement", "listOverduePromises",
                "publishJob", "unpublishJob", "updateJobPosting", "listJobQuestions", "updateJobQuestions",
                "createQuestion", "listQuestions", "getQuestion", "importQuestions", "exportQuestions",
                "createAssignmentTemplate", "listAssignmentTemplates", "updateAssignmentTemplate",
                "scheduleAssignmentRelease", "getAssignment", "createOnlineTest", "listOnlineTests", "getOnlineTest",
                "inviteToOnlineTest", "getOnlineTestResults", "getOnlineTestSitting", "gradeOnlineTestEssay",
                "applyOnlineTestPassMark", "scheduleInterview", "listInterviews", "getInterview",
                "rescheduleInterview", "cancelInterview", "submitAssignmentScores", "getInterviewPolicy",
                "updateInterviewPolicy", "listRemoteExceptions", "decideRemoteException", "listTravelClaims",
                "decideTravelClaim", "getTravelClaim", "markTravelClaimPaid", "getTravelPolicy",
                "updateTravelPolicy", "getTravelClaimBankDetails", "getInterviewKit", "submitScorecard",
                "listScorecards", "updateInterviewKitTemplate", "listInterviewKitTemplates", "markQuizAnswer",
                "saveInterviewNotes", "addInterviewQuestion", "revealScorecards", "decideInterview", "setSalaryBand",
                "createOffer", "proposeOfferVersion", "approveOfferVersion", "sendOffer", "getOffer", "withdrawOffer",
                "getOfferLetter");
        JsonNode schemes = docs.json().path("components").path("securitySchemes");
        assertThat(schemes.path("token").path("scheme").asString()).isEqualTo("bearer");
        assertThat(ApiClient.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
