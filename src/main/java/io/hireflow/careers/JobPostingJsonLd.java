package io.hireflow.careers;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.hireflow.identity.OrganizationView;
import io.hireflow.jobs.JobPosting;
import io.hireflow.shared.Markdown;

/**
 * A posting as schema.org {@code JobPosting} JSON-LD, with the properties Google requires ({@code title}, {@code
 * description}, {@code datePosted}, {@code hiringOrganization}, {@code jobLocation}) and those it recommends that
 * the posting knows ({@code validThrough}, {@code employmentType}, {@code baseSalary} in KRW, {@code directApply}).
 */
final class JobPostingJsonLd {

    private JobPostingJsonLd() {
    }

    /**
     * The JSON-LD, safe to put inside a {@code <script>} element (no {@code <}, {@code >} or {@code &}).
     * {@code directApply}: whether candidates apply on the posting's own page.
     */
    static String of(JobPosting posting, OrganizationView organization, String siteUrl, boolean directApply,
            JsonMapper json) {
        ZoneId zone = organization.timeZone();
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org/");
        ld.put("@type", "JobPosting");
        ld.put("title", posting.title());
        ld.put("description", Markdown.toSafeHtml(posting.description()));
        ld.put("identifier", Map.of("@type", "PropertyValue", "name", organization.name(), "value",
                posting.jobId().value().toString()));
        ld.put("datePosted", posting.firstPublishedAt().atZone(zone).toOffsetDateTime().toString());
        if (posting.applyUntil() != null) {
            ld.put("validThrough", posting.applyUntil().atTime(LocalTime.of(23, 59, 59)).atZone(zone)
                    .toOffsetDateTime().toString());
        }
        ld.put("employmentType", posting.employmentType().name());
        ld.put("hiringOrganization", Map.of("@type", "Organization", "name", organization.name(), "sameAs",
                siteUrl));
        List<Map<String, Object>> places = new ArrayList<>();
        for (String location : posting.locations()) {
            places.add(Map.of("@type", "Place", "address", Map.of("@type", "PostalAddress", "addressLocality",
                    location, "addressCountry", "KR")));
        }
        if (places.isEmpty()) {
            places.add(Map.of("@type", "Place", "address", Map.of("@type", "PostalAddress", "addressCountry",
                    "KR")));
        }
        ld.put("jobLocation", places.size() == 1 ? places.get(0) : places);
        if (posting.salaryMin() != null || posting.salaryMax() != null) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("@type", "QuantitativeValue");
            if (posting.salaryMin() != null && posting.salaryMax() != null) {
                value.put("minValue", posting.salaryMin());
                value.put("maxValue", posting.salaryMax());
            } else {
                value.put("value", posting.salaryMin() != null ? posting.salaryMin() : posting.salaryMax());
            }
            value.put("unitText", "YEAR");
            ld.put("baseSalary", Map.of("@type", "MonetaryAmount", "currency", "KRW", "value", value));
        }
        ld.put("directApply", directApply);
        return json.writeValueAsString(ld).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
