/**
 * The public careers site: each organization's open jobs, searchable, each with its page as candidates read it (and
 * as search engines read it, in schema.org JobPosting JSON-LD), sitemaps of them, and the apply form.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Careers", allowedDependencies = {"shared", "identity",
        "jobs", "candidates", "pipeline"})
package io.hireflow.careers;
