package io.hireflow.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;
import io.hireflow.jobs.JobPostings;
import io.hireflow.shared.OrganizationId;

/** The public careers site: publishing, search, the job page and its JSON-LD, sitemaps, and what stays private. */
class CareersSiteTests extends ApiTest {

    private static final String SCHEMA = "https://schema.org/";

    @Autowired
    JobPostings postings;

    @Test
    void aPublishedJobIsOnTheSiteAsItReadsAndLeavesItWhenUnpublishedOrClosed() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        ApiClient anyone = ApiClient.anonymous(port);
        String jobId = job(recruiter, "DevOps Engineer");
        String page = "/careers/" + tenant.slug() + "/jobs/" + jobId;

        assertThat(anyone.get(page).status()).as("not published yet").isEqualTo(404);
        assertThat(anyone.get("/careers/" + tenant.slug()).body()).doesNotContain("DevOps Engineer");
        assertThat(recruiter.get("/api/v1/jobs/" + jobId).json().has("careersUrl")).isFalse();

        var published = recruiter.post("/api/v1/jobs/" + jobId + "/publish", Map.of());
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.text("careersUrl")).endsWith(page).startsWith("http");
        assertThat(published.json().path("posting").path("revision").asInt()).isEqualTo(1);
        assertThat(recruiter.get("/api/v1/jobs/" + jobId).text("careersUrl")).endsWith(page);

        var shown = anyone.get(page);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("DevOps Engineer").contains("서울 강남구 테헤란로 1, 5층")
                .contains("60,000,000").doesNotContain("<script>alert");
        assertThat(anyone.get("/careers/" + tenant.slug() + "/sitemap.xml").body()).contains(page);

        // a change while published is published as a new revision; the first stays as it was
        OrganizationId organization = new OrganizationId(UUID.fromString(tenant.id()));
        UUID first = postings.open(organization, LocalDate.now(ZoneId.of("Asia/Seoul")), JobPostings.Search.ALL)
                .get(0).id();
        var job = recruiter.get("/api/v1/jobs/" + jobId).json();
        var renamed = recruiter.put("/api/v1/jobs/" + jobId, Map.of("title", "Senior DevOps Engineer",
                "employmentType", "FULL_TIME", "headcount", 1, "status", "OPEN", "locations", List.of("서울 강남구"),
                "description", job.path("description").asString(), "version", job.path("version").asLong()));
        assertThat(renamed.json().path("posting").path("revision").asInt()).isEqualTo(2);
        assertThat(anyone.get(page).body()).contains("Senior DevOps Engineer");
        assertThat(postings.posting(organization, first).orElseThrow())
                .satisfies(kept -> assertThat(kept.revision()).isEqualTo(1))
                .satisfies(kept -> assertThat(kept.title()).isEqualTo("DevOps Engineer"));

        var unpublished = recruiter.post("/api/v1/jobs/" + jobId + "/unpublish", Map.of());
        assertThat(unpublished.json().has("careersUrl")).isFalse();
        assertThat(anyone.get(page).status()).isEqualTo(404);
        assertThat(anyone.get("/careers/" + tenant.slug() + "/sitemap.xml").body()).doesNotContain(page);

        recruiter.post("/api/v1/jobs/" + jobId + "/publish", Map.of());
        job = recruiter.get("/api/v1/jobs/" + jobId).json();
        recruiter.put("/api/v1/jobs/" + jobId, Map.of("title", "Senior DevOps Engineer", "employmentType",
                "FULL_TIME", "headcount", 1, "status", "CLOSED", "description", job.path("description").asString(),
                "version", job.path("version").asLong()));
        assertThat(anyone.get(page).status()).as("closed jobs leave the site").isEqualTo(404);
        var refused = recruiter.post("/api/v1/jobs/" + jobId + "/publish", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("open job");
    }

    @Test
    void theSiteSearchesByTextTeamLocationAndEmploymentType() {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        ApiClient anyone = ApiClient.anonymous(port);
        recruiter.post("/api/v1/jobs/" + job(recruiter, "Platform Engineer") + "/publish", Map.of());
        String intern = recruiter.post("/api/v1/jobs", Map.of("title", "Data Intern", "team", "Data",
                "employmentType", "INTERN", "locations", List.of("부산"))).text("id");
        recruiter.post("/api/v1/jobs/" + intern + "/publish", Map.of());
        String site = "/careers/" + tenant.slug();

        assertThat(anyone.get(site).body()).contains("Platform Engineer").contains("Data Intern");
        assertThat(anyone.get(site + "?q=platform").body()).contains("Platform Engineer")
                .doesNotContain("Data Intern");
        assertThat(anyone.get(site + "?team=Data").body()).contains("Data Intern")
                .doesNotContain("Platform Engineer");
        assertThat(anyone.get(site + "?location=%EB%B6%80%EC%82%B0").body()).contains("Data Intern")
                .doesNotContain("Platform Engineer");
        assertThat(anyone.get(site + "?type=FULL_TIME").body()).contains("Platform Engineer")
                .doesNotContain("Data Intern");
        assertThat(anyone.get(site + "?q=100%25_off").body()).contains("no-jobs");
        assertThat(anyone.get("/careers/no-such-organization").status()).isEqualTo(404);
        // one organization's job is not found under another's address
        Tenant other = organizations.create();
        assertThat(anyone.get("/careers/" + other.slug() + "/jobs/" + intern).status()).isEqualTo(404);
        assertThat(anyone.get("/sitemap.xml").body()).contains(site + "/sitemap.xml");
    }

    @Test
    void theJobPageCarriesJobPostingJsonLdWithGooglesRequiredProperties() throws Exception {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        String jobId = job(recruiter, "DevOps Engineer </script><script>alert(1)</script>");
        recruiter.post("/api/v1/jobs/" + jobId + "/publish", Map.of());
        String html = ApiClient.anonymous(port).get("/careers/" + tenant.slug() + "/jobs/" + jobId).body();

        String open = "<script type=\"application/ld+json\">";
        int start = html.indexOf(open);
        assertThat(start).as("the page has JSON-LD").isPositive();
        String json = html.substring(start + open.length(), html.indexOf("</script>", start));
        // schema.org's context, for a machine without the network: every term is in the schema.org vocabulary
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(json)))
                .loader((url, options) -> JsonDocument.of(new StringReader(
                        "{\"@context\": {\"@vocab\": \"" + SCHEMA + "\"}}")))
                .get();
        JsonObject posting = expanded.getJsonObject(0);
        assertThat(posting.getJsonArray("@type").getString(0)).isEqualTo(SCHEMA + "JobPosting");
        for (String required : List.of("title", "description", "datePosted", "hiringOrganization", "jobLocation",
                "validThrough", "employmentType", "baseSalary", "directApply")) {
            assertThat(posting.containsKey(SCHEMA + required)).as(required).isTrue();
        }
        assertThat(value(posting, "title")).isEqualTo("DevOps Engineer </script><script>alert(1)</script>");
        assertThat(value(posting, "employmentType")).isEqualTo("FULL_TIME");
        JsonObject salary = posting.getJsonArray(SCHEMA + "baseSalary").getJsonObject(0);
        assertThat(value(salary, "currency")).isEqualTo("KRW");
        JsonObject organization = posting.getJsonArray(SCHEMA + "hiringOrganization").getJsonObject(0);
        assertThat(value(organization, "name")).isEqualTo("Test " + tenant.slug());
        assertThat(value(posting, "datePosted")).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    /** A full-time job in 서울 강남구 with pay, a last day to apply and the interview place set, not published. */
    private static String job(ApiClient recruiter, String title) {
        String id = recruiter.post("/api/v1/jobs", Map.of("title", title, "team", "Platform", "employmentType",
                "FULL_TIME", "locations", List.of("서울 강남구"),
                "description", "쿠버네티스 클러스터를 운영합니다.\n\n<script>alert(1)</script>")).text("id");
        var posting = recruiter.put("/api/v1/jobs/" + id + "/posting", Map.of("salaryMin", 60_000_000,
                "salaryMax", 80_000_000, "applyUntil", LocalDate.now().plusDays(30).toString(),
                "interviewLocation", "서울 강남구 테헤란로 1, 5층"));
        assertThat(posting.status()).isEqualTo(200);
        return id;
    }

    private static String value(JsonObject node, String property) {
        return node.getJsonArray(SCHEMA + property).getJsonObject(0).get("@value").toString().replaceAll("^\"|\"$",
                "");
    }
}
