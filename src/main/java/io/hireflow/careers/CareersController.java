package io.hireflow.careers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.OrganizationView;
import io.hireflow.jobs.CareersPaths;
import io.hireflow.jobs.EmploymentType;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobPosting;
import io.hireflow.jobs.JobPostings;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.Markdown;
import io.hireflow.shared.NotFoundException;

/**
 * The public careers site, no sign-in: an organization's open jobs with search, each job's page, and sitemaps. A
 * job that is not published (or an organization that does not exist) is simply not found.
 */
@Controller
class CareersController {

    private final IdentityManagement identity;
    private final JobPostings postings;
    private final JsonMapper json;

    CareersController(IdentityManagement identity, JobPostings postings, JsonMapper json) {
        this.identity = identity;
        this.postings = postings;
        this.json = json;
    }

    @GetMapping("/careers/{slug}")
    String jobs(@PathVariable String slug, @RequestParam(required = false) String q,
            @RequestParam(required = false) String team, @RequestParam(required = false) String location,
            @RequestParam(required = false) String type, Model page, HttpServletResponse response) {
        OrganizationView organization = organization(slug);
        LocalDate today = LocalDate.now(organization.timeZone());
        EmploymentType employmentType = type == null || type.isBlank() ? null
                : EnumNames.parse(EmploymentType.class, type);
        JobPostings.Search search = new JobPostings.Search(q, team, location, employmentType);
        // every open job, for the filters' choices; the list itself is the same unless something is searched for
        List<JobPosting> all = postings.open(organization.id(), today, JobPostings.Search.ALL);
        page.addAttribute("organization", organization);
        page.addAttribute("postings", search.all() ? all : postings.open(organization.id(), today, search));
        page.addAttribute("teams", all.stream().map(JobPosting::team).filter(Objects::nonNull).distinct().sorted()
                .toList());
        page.addAttribute("locations", all.stream().flatMap(posting -> posting.locations().stream()).distinct()
                .sorted().toList());
        page.addAttribute("employmentTypes", EmploymentType.values());
        page.addAttribute("search", search);
        response.setHeader("Cache-Control", CacheControl.noCache().getHeaderValue());
        return "careers/jobs";
    }

    @GetMapping("/careers/{slug}/jobs/{jobId}")
    String job(@PathVariable String slug, @PathVariable UUID jobId, Model page, Locale locale,
            HttpServletResponse response) {
        OrganizationView organization = organization(slug);
        JobPosting posting = postings.live(organization.id(), new JobId(jobId))
                .orElseThrow(() -> new NotFoundException("job"));
        LocalDate today = LocalDate.now(organization.timeZone());
        boolean open = posting.applyUntil() == null || !posting.applyUntil().isBefore(today);
        String site = CareersPaths.site(base(), organization.slug());
        page.addAttribute("organization", organization);
        page.addAttribute("posting", posting);
        page.addAttribute("open", open);
        page.addAttribute("description", Markdown.toSafeHtml(posting.description()));
        page.addAttribute("steps", posting.steps().stream().map(step -> step.name(locale)).toList());
        if (open) {
            page.addAttribute("jsonLd", JobPostingJsonLd.of(posting, organization, site, true, json));
        }
        response.setHeader("Cache-Control", CacheControl.noCache().getHeaderValue());
        return "careers/job";
    }

    /** The organization's careers pages for search engines: the list and every job open for applications. */
    @GetMapping("/careers/{slug}/sitemap.xml")
    void sitemap(@PathVariable String slug, HttpServletResponse response) throws IOException {
        OrganizationView organization = organization(slug);
        String site = CareersPaths.site(base(), organization.slug());
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        xml.append("  <url><loc>").append(escaped(site)).append("</loc></url>\n");
        for (JobPosting posting : postings.open(organization.id(), LocalDate.now(organization.timeZone()),
                JobPostings.Search.ALL)) {
            xml.append("  <url><loc>").append(escaped(CareersPaths.job(base(), organization.slug(),
                            posting.jobId())))
                    .append("</loc><lastmod>")
                    .append(posting.publishedAt().atZone(organization.timeZone()).toLocalDate())
                    .append("</lastmod></url>\n");
        }
        xml.append("</urlset>\n");
        xml(response, xml);
    }

    /** Every organization's careers sitemap. */
    @GetMapping("/sitemap.xml")
    void sitemapIndex(HttpServletResponse response) throws IOException {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        for (OrganizationView organization : identity.organizations()) {
            xml.append("  <sitemap><loc>").append(escaped(CareersPaths.site(base(), organization.slug())))
                    .append("/sitemap.xml</loc></sitemap>\n");
        }
        xml.append("</sitemapindex>\n");
        xml(response, xml);
    }

    /** Sitemaps are XML whatever the client says it accepts (crawlers differ). */
    private static void xml(HttpServletResponse response, CharSequence xml) throws IOException {
        response.setContentType(MediaType.APPLICATION_XML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().append(xml);
    }

    private OrganizationView organization(String slug) {
        return identity.organizationBySlug(slug).orElseThrow(() -> new NotFoundException("organization"));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    private static String escaped(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
