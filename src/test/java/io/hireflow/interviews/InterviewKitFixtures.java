package io.hireflow.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.TestJobs;
import io.hireflow.TestOrganizations.Tenant;

/**
 * An interview with a kit to test: a job whose interview stage has a kit template, a candidate in that stage whose
 * résumé text (read, as extraction would have left it) mentions technologies among Korean words, and an interview with
 * two interviewers on its panel.
 */
final class InterviewKitFixtures {

    static final String RESUME = """
            김하늘 — DevOps 엔지니어
            경력: 쿠버네티스를 이용한 멀티 클러스터 운영 (k8s 1.29), AWS에서 EKS와 Terraform으로 인프라 구축.
            Kafka consumer lag 장애 대응, 카프카 파티션 재조정. Prometheus와 Grafana로 모니터링.
            CI/CD: GitHub Actions, Argo CD. <script>alert('x')</script> Kubernetes를 좋아합니다.
            """;

    final Tenant tenant;
    final ApiClient recruiter;
    final String job;
    final String stage;
    final String application;
    final String candidateEmail;
    final String interview;
    final String firstEmail;
    final String secondEmail;
    final UUID first;
    final UUID second;
    final Instant startsAt;

    InterviewKitFixtures(Tenant tenant, JdbcClient jdbc, Clock clock) {
        this.tenant = tenant;
        this.recruiter = tenant.user("RECRUITER");
        this.firstEmail = tenant.userEmail("INTERVIEWER");
        this.secondEmail = tenant.userEmail("INTERVIEWER");
        this.first = UUID.fromString(tenant.userId(firstEmail));
        this.second = UUID.fromString(tenant.userId(secondEmail));
        var created = TestJobs.job(recruiter, "Platform engineer", TestJobs.INTERVIEW_PIPELINE);
        this.job = created.path("id").asString();
        this.stage = TestJobs.stage(created, "INTERVIEW");
        var template = recruiter.put("/api/v1/jobs/" + job + "/interview-kit-templates/" + stage, Map.of(
                "focusAttributes", List.of("Problem solving", "Kubernetes depth", "Communication"),
                "quizTopics", List.of("Kubernetes", "AWS"), "quizPerTopic", 2));
        assertThat(template.status()).as(template.body()).isEqualTo(200);
        this.candidateEmail = "kit-" + UUID.randomUUID() + "@example.com";
        this.application = TestJobs.advanced(recruiter, job, Map.of("name", "김하늘", "email", candidateEmail));
        jdbc.sql("""
                insert into candidate_document (id, organization_id, candidate_id, application_id, kind, original_name,
                    media_type, size_bytes, sha256, content, text_status, text, created_at)
                select ?, organization_id, candidate_id, id, 'RESUME', 'resume.pdf', 'application/pdf', 10, 'x',
                       '\\x00'::bytea, 'DONE', ?, now()
                from job_application where id = ?""")
                .params(UUID.randomUUID(), RESUME, UUID.fromString(application)).update();
        this.startsAt = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        var scheduled = recruiter.post("/api/v1/applications/" + application + "/interviews", Map.of("title",
                "Technical interview", "durationMinutes", 60, "location", "Seoul HQ", "startsAt", startsAt,
                "panel", List.of(Map.of("userId", first.toString(), "role", "Group lead"),
                        Map.of("userId", second.toString(), "role", "Peer"))));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        this.interview = scheduled.text("id");
    }

    /** As if the interview had begun an hour ago (scorecards are taken from its start). */
    void begun(JdbcClient jdbc, Clock clock) {
        jdbc.sql("update interview set starts_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofHours(1))), UUID.fromString(interview))
                .update();
    }
}
