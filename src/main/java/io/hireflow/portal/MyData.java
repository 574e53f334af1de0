package io.hireflow.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.candidates.Candidate;
import io.hireflow.candidates.CandidateDocuments;
import io.hireflow.candidates.CandidateManagement;
import io.hireflow.candidates.DataRequests;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.OrganizationView;
import io.hireflow.notifications.NotificationManagement;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.NotFoundException;

/**
 * What a signed-in candidate can do with their data: change their contact details, ask an organization for their
 * documents back or for their data to be deleted (each with its legal deadline, which the organization sees), and take
 * everything Hireflow holds about them as JSON.
 */
@Service
class MyData {

    private final CandidateManagement candidates;
    private final CandidateDocuments documents;
    private final DataRequests requests;
    private final PipelineManagement pipeline;
    private final NotificationManagement notifications;
    private final IdentityManagement identity;

    MyData(CandidateManagement candidates, CandidateDocuments documents, DataRequests requests,
            PipelineManagement pipeline, NotificationManagement notifications, IdentityManagement identity) {
        this.candidates = candidates;
        this.documents = documents;
        this.requests = requests;
        this.pipeline = pipeline;
        this.notifications = notifications;
        this.identity = identity;
    }

    /** One organization the person applied to, with what they asked of it. */
    record Holder(OrganizationView organization, List<DataRequests.DataRequest> requests) {
    }

    @Transactional(readOnly = true)
    public List<Holder> holders(String email) {
        List<Holder> holders = new ArrayList<>();
        for (Candidate candidate : candidates.everywhere(email)) {
            holders.add(new Holder(identity.organization(candidate.organizationId()),
                    requests.of(candidate.organizationId(), candidate.id())));
        }
        return holders;
    }

    /** The person's contact details as they last gave them (the newest record). */
    @Transactional(readOnly = true)
    public CandidateManagement.Contact contact(String email) {
        List<Candidate> known = candidates.everywhere(email);
        if (known.isEmpty()) {
            return new CandidateManagement.Contact(null, null, null, null);
        }
        Candidate newest = known.get(known.size() - 1);
        return new CandidateManagement.Contact(newest.phone(), newest.region(), newest.githubUrl(),
                newest.portfolioUrl());
    }

    @Transactional
    public void ask(String email, UUID organizationId, DataRequests.Kind kind, String note) {
        Candidate candidate = candidates.everywhere(email).stream()
                .filter(known -> known.organizationId().value().equals(organizationId)).findFirst()
                .orElseThrow(() -> new NotFoundException("organization"));
        requests.ask(candidate.organizationId(), candidate.id(), kind, note);
    }

    /** Everything held about the person, organization by organization (files by name and type, not content). */
    @Transactional(readOnly = true)
    public Map<String, Object> export(String email) {
        List<Map<String, Object>> organizations = new ArrayList<>();
        for (Candidate candidate : candidates.everywhere(email)) {
            Map<String, Object> held = new LinkedHashMap<>();
            held.put("organization", identity.organization(candidate.organizationId()).name());
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("name", candidate.name());
            profile.put("email", candidate.email());
            profile.put("phone", candidate.phone());
            profile.put("region", candidate.region());
            profile.put("githubUrl", candidate.githubUrl());
            profile.put("portfolioUrl", candidate.portfolioUrl());
            profile.put("since", String.valueOf(candidate.createdAt()));
            held.put("profile", profile);
            List<Map<String, Object>> applications = new ArrayList<>();
            for (ApplicationView application : pipeline.applicationsOf(candidate.organizationId(), candidate.id())) {
                Map<String, Object> one = new LinkedHashMap<>();
                // what the candidate did and where it stands; the staff's notes and names stay with the organization
                one.put("id", application.id().value());
                one.put("status", application.status().name());
                one.put("appliedAt", String.valueOf(application.appliedAt()));
                one.put("messages", notifications.sentTo(candidate.organizationId(), application.id().value())
                        .stream().map(message -> Map.of("subject", message.subject(), "sentAt",
                                String.valueOf(message.sentAt()), "text", message.bodyText())).toList());
                applications.add(one);
            }
            held.put("applications", applications);
            held.put("documents", documents.documentsOf(candidate.organizationId(), candidate.id()));
            held.put("requests", requests.of(candidate.organizationId(), candidate.id()));
            organizations.add(held);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("email", email);
        all.put("organizations", organizations);
        return all;
    }
}
